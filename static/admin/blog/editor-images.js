/* Images in the markdownx editor: upload, ask for alt text, insert; show a refusal beside the text.
 *
 * markdownx uploads a dropped or pasted file itself and, when the server refuses
 * it, types "Invalid response" into the post. This script takes those events
 * first (a capture listener on the document runs before the editor's own), adds
 * an "Add an image" button, and answers every upload beside the editor: a
 * refusal shows the server's reason and leaves the text alone; an accepted
 * image asks for its alt text, then goes in as ![alt](url) where the cursor was.
 * A file from the site only, no inline script: the Content-Security-Policy holds.
 */
(function () {
  "use strict";

  var EDITOR = "textarea[data-markdownx-upload-urls-path]";
  var ACCEPT = "image/jpeg,image/png,image/gif,image/webp";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  // Markdown's image text ends at "]": escape brackets and backslashes, keep it on one line.
  function markdownAlt(text) {
    return text.replace(/\s+/g, " ").trim().replace(/([\\\[\]])/g, "\\$1");
  }

  function reasons(data, status) {
    var found = [];
    if (data && typeof data === "object") {
      Object.keys(data).forEach(function (key) {
        [].concat(data[key]).forEach(function (reason) {
          if (typeof reason === "string") found.push(reason);
        });
      });
    }
    return found.length ? found.join(" ") : "the server answered " + status + ".";
  }

  function ImageTool(editor) {
    this.editor = editor;
    this.queue = [];
    this.current = null;
    var id = editor.id || "body";
    this.panel = element("div", { class: "image-upload" });
    var pick = element("label", { class: "image-upload-pick" }, "Add an image ");
    this.input = element("input", { type: "file", accept: ACCEPT, id: id + "-image" });
    pick.appendChild(this.input);
    this.message = element("p", { class: "image-upload-message", role: "status", "aria-live": "polite" });
    this.altBox = element("div", { class: "image-upload-alt", hidden: "" });
    this.altLabel = element("label", { for: id + "-image-alt" });
    this.altInput = element("input", { type: "text", id: id + "-image-alt", size: "60" });
    this.insertButton = element("button", { type: "button", class: "button" }, "Insert image");
    this.cancelButton = element("button", { type: "button", class: "button" }, "Cancel");
    [this.altLabel, this.altInput, this.insertButton, this.cancelButton].forEach(function (node) {
      this.altBox.appendChild(node);
    }, this);
    [pick, this.altBox, this.message].forEach(function (node) {
      this.panel.appendChild(node);
    }, this);
    editor.insertAdjacentElement("afterend", this.panel);

    var tool = this;
    this.input.addEventListener("change", function () {
      tool.uploadAll(tool.input.files);
      tool.input.value = "";
    });
    this.insertButton.addEventListener("click", function () {
      tool.insert();
    });
    this.cancelButton.addEventListener("click", function () {
      tool.say("The image was not inserted.", false);
      tool.next();
    });
    this.altInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault(); // would submit the whole post
        tool.insert();
      }
    });
  }

  ImageTool.prototype.say = function (text, isError) {
    this.message.textContent = text;
    this.message.classList.toggle("errornote", Boolean(isError));
  };

  ImageTool.prototype.uploadAll = function (files) {
    var at = { start: this.editor.selectionStart, end: this.editor.selectionEnd };
    Array.prototype.forEach.call(files, function (file) {
      this.upload(file, at);
    }, this);
  };

  ImageTool.prototype.upload = function (file, at) {
    var tool = this;
    var form = this.editor.form;
    var token = form && form.querySelector("[name=csrfmiddlewaretoken]");
    var body = new FormData();
    body.append("image", file);
    if (token) body.append("csrfmiddlewaretoken", token.value);
    this.say("Uploading " + file.name + "…", false);
    fetch(this.editor.getAttribute("data-markdownx-upload-urls-path"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest", "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (response) {
        return response.json().then(
          function (data) { return { response: response, data: data }; },
          function () { return { response: response, data: null }; }
        );
      })
      .then(function (result) {
        if (result.response.ok && result.data && result.data.url) {
          tool.queue.push({ url: result.data.url, name: file.name, at: at });
          if (!tool.current) tool.next();
        } else {
          tool.say(file.name + " was not uploaded: " + reasons(result.data, result.response.status), true);
        }
      })
      .catch(function () {
        tool.say(file.name + " was not uploaded: the server could not be reached.", true);
      });
  };

  // Ask for the alt text of the next uploaded image, if any.
  ImageTool.prototype.next = function () {
    this.current = this.queue.shift() || null;
    this.altBox.hidden = !this.current;
    if (!this.current) return;
    this.altLabel.textContent =
      "Alt text for " + this.current.name + " (describe it for readers who cannot see it): ";
    this.altInput.value = "";
    this.say(this.current.name + " is uploaded; describe it to insert it.", false);
    this.altInput.focus();
  };

  ImageTool.prototype.insert = function () {
    var alt = markdownAlt(this.altInput.value);
    if (!alt) {
      this.say("Describe the image first: a published post needs alt text on every image.", true);
      this.altInput.focus();
      return;
    }
    var editor = this.editor;
    var at = this.current.at;
    var code = "![" + alt + "](" + this.current.url + ")";
    editor.value = editor.value.slice(0, at.start) + code + editor.value.slice(at.end);
    editor.focus();
    editor.selectionStart = editor.selectionEnd = at.start + code.length;
    // Later images of the same drop go after this one.
    this.queue.forEach(function (item) {
      item.at = { start: at.start + code.length, end: at.start + code.length };
    });
    editor.dispatchEvent(new Event("input", { bubbles: true })); // markdownx refreshes the preview
    this.say("Inserted " + this.current.name + ".", false);
    this.next();
  };

  var tools = new WeakMap();

  // Files dropped or pasted on an editor: ours to upload, before markdownx's own listeners see them.
  function takeFiles(event) {
    var editor = event.target;
    var tool = editor && editor.matches && editor.matches(EDITOR) ? tools.get(editor) : null;
    var data = event.clipboardData || event.dataTransfer;
    if (!tool || !data || !data.files || !data.files.length) return;
    event.preventDefault();
    event.stopPropagation();
    tool.uploadAll(data.files);
  }

  document.addEventListener("paste", takeFiles, true);
  document.addEventListener("drop", takeFiles, true);
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(EDITOR).forEach(function (editor) {
      tools.set(editor, new ImageTool(editor));
    });
  });
})();
