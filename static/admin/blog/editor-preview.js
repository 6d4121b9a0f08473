/* The live preview beside the text, in a frame that holds only the public stylesheets.
 *
 * markdownx writes each preview (the pipeline's HTML, after any problems) into
 * a hidden .markdownx-preview; this script moves the problems above the frame,
 * in the admin's own style, and the post body into the frame's .post-body, so
 * it reads exactly as the page does. The title follows the title field. The
 * frame scrolls in step with the text, by proportion. No inline script: the
 * frame is a same-origin srcdoc document with scripts sandboxed off.
 */
(function () {
  "use strict";

  function Preview(container) {
    this.editor = container.querySelector(".markdownx-editor");
    this.source = container.querySelector(".markdownx-preview");
    this.notes = container.querySelector(".post-editor-notes");
    this.frame = container.querySelector(".post-editor-frame");
    this.title = this.editor.form && this.editor.form.querySelector("[name=title]");
    var preview = this;
    new MutationObserver(function () { preview.show(); }).observe(this.source, { childList: true });
    this.frame.addEventListener("load", function () { preview.show(); });
    if (this.title) this.title.addEventListener("input", function () { preview.showTitle(); });
    this.editor.addEventListener("scroll", function () { preview.follow(); }, { passive: true });
  }

  Preview.prototype.document = function () {
    var doc = this.frame.contentDocument;
    return doc && doc.querySelector(".post-body") ? doc : null;
  };

  Preview.prototype.show = function () {
    var doc = this.document();
    var notes = this.notes;
    notes.textContent = "";
    Array.prototype.forEach.call(this.source.children, function (node) {
      if (!node.classList.contains("post-body")) notes.appendChild(node.cloneNode(true));
    });
    var body = this.source.querySelector(".post-body");
    if (doc && body) doc.querySelector(".post-body").innerHTML = body.innerHTML;
    this.showTitle();
    this.follow();
  };

  Preview.prototype.showTitle = function () {
    var doc = this.document();
    if (doc && this.title) doc.querySelector(".post-header h1").textContent = this.title.value;
  };

  // Scroll the preview to the same share of its length as the text is scrolled.
  Preview.prototype.follow = function () {
    var doc = this.document();
    if (!doc) return;
    var editor = this.editor;
    var range = editor.scrollHeight - editor.clientHeight;
    var share = range > 0 ? editor.scrollTop / range : 0;
    var view = doc.defaultView;
    view.scrollTo(0, share * (doc.documentElement.scrollHeight - view.innerHeight));
  };

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".post-editor").forEach(function (container) {
      new Preview(container);
    });
  });
})();
