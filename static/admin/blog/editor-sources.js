/* "@" in the post body offers the library's source keys, with title and author.
 *
 * Typing "@" (or "[@") and the start of a key, a title or a name asks the
 * admin's completion endpoint (staff only) for at most ten sources. The
 * textarea keeps its textbox role (HTML allows it no other) and takes the
 * attributes of ARIA's combobox pattern that a textbox may have:
 * aria-autocomplete, aria-controls and aria-activedescendant pointing into a
 * listbox; a status line says how many sources are offered. Arrow keys move, Enter or Tab
 * inserts the key, Escape closes; a click inserts too.
 */
(function () {
  "use strict";

  var EDITOR = ".post-editor .markdownx-editor";
  // A Pandoc citation key after "@", at the start of the text or after a space, "[", ";" or "(":
  // bare, or after "{" (any characters but spaces and braces), as in "@{O'Hara".
  var TYPED = /(^|[\s\[;(-])@(\{[^\s{}]{0,100}|[\w:.#$%&+?<>~\/-]{0,100})$/;

  function Completion(editor, url) {
    this.editor = editor;
    this.url = url;
    this.items = [];
    this.active = -1;
    this.asked = null;
    this.timer = null;
    var id = (editor.id || "body") + "-sources";
    this.list = document.createElement("ul");
    this.list.id = id;
    this.list.className = "source-completions";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", "Sources");
    this.list.hidden = true;
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");
    editor.insertAdjacentElement("afterend", this.list);
    this.list.insertAdjacentElement("afterend", this.status);
    editor.setAttribute("aria-autocomplete", "list");
    editor.setAttribute("aria-controls", id);

    var completion = this;
    editor.addEventListener("input", function () { completion.typed(); });
    editor.addEventListener("keydown", function (event) { completion.key(event); });
    editor.addEventListener("blur", function () { completion.close(); });
    this.list.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      event.preventDefault(); // keep the focus (and the caret) in the text
      if (option) completion.choose(Number(option.getAttribute("data-index")));
    });
  }

  // The "@word" (or "@{word") just before the caret, or null; ``text`` is the word without its brace.
  Completion.prototype.word = function () {
    var editor = this.editor;
    if (editor.selectionStart !== editor.selectionEnd) return null;
    var before = editor.value.slice(Math.max(0, editor.selectionStart - 110), editor.selectionStart);
    var match = TYPED.exec(before);
    if (!match) return null;
    return { text: match[2].replace(/^\{/, ""), start: editor.selectionStart - match[2].length - 1 };
  };

  Completion.prototype.typed = function () {
    if (this.inserting) return;
    var word = this.word();
    clearTimeout(this.timer);
    if (!word) return this.close();
    var completion = this;
    this.timer = setTimeout(function () { completion.ask(word.text); }, 150);
  };

  Completion.prototype.ask = function (text) {
    var completion = this;
    this.asked = text;
    fetch(this.url + "?q=" + encodeURIComponent(text), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : { sources: [] }; })
      .then(function (data) {
        var word = completion.word();
        if (completion.asked === text && word && word.text === text) completion.open(data.sources || []);
      })
      .catch(function () { completion.close(); });
  };

  Completion.prototype.open = function (sources) {
    this.items = sources;
    this.list.textContent = "";
    if (!sources.length) {
      this.status.textContent = "No source matches.";
      return this.close();
    }
    sources.forEach(function (source, index) {
      var option = document.createElement("li");
      option.id = this.list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("data-index", String(index));
      var key = document.createElement("span");
      key.className = "source-key";
      key.textContent = source.cite;
      var meta = document.createElement("span");
      meta.className = "source-meta";
      meta.textContent = [source.names, source.title, source.year].filter(Boolean).join(" · ");
      option.appendChild(key);
      option.appendChild(meta);
      this.list.appendChild(option);
    }, this);
    this.list.style.top = this.editor.offsetTop + Math.min(this.editor.offsetHeight, 48) + "px";
    this.list.style.left = this.editor.offsetLeft + "px";
    this.list.hidden = false;
    this.move(0);
    this.status.textContent =
      sources.length + " source" + (sources.length > 1 ? "s" : "") + ": up and down to choose, Enter to insert.";
  };

  Completion.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.editor.removeAttribute("aria-activedescendant");
  };

  Completion.prototype.move = function (index) {
    var options = this.list.children;
    this.active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, at) {
      option.setAttribute("aria-selected", at === this.active ? "true" : "false");
    }, this);
    this.editor.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  };

  Completion.prototype.key = function (event) {
    if (this.list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      this.move(this.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === "Escape") {
      event.preventDefault(); // the admin would otherwise act on it
      this.close();
    }
  };

  // Put the chosen key, as a post cites it ("@key" or "@{key}"), in place of the "@word" typed.
  Completion.prototype.choose = function (index) {
    var word = this.word();
    var source = this.items[index];
    if (!word || !source) return this.close();
    var editor = this.editor;
    var end = editor.selectionStart;
    var inserted = source.cite;
    editor.value = editor.value.slice(0, word.start) + inserted + editor.value.slice(end);
    editor.selectionStart = editor.selectionEnd = word.start + inserted.length;
    this.close();
    this.status.textContent = "Inserted " + source.cite + ".";
    this.inserting = true;
    editor.dispatchEvent(new Event("input", { bubbles: true })); // markdownx refreshes the preview
    this.inserting = false;
  };

  document.addEventListener("DOMContentLoaded", function () {
    var config = document.getElementById("post-editor-config");
    if (!config) return;
    document.querySelectorAll(EDITOR).forEach(function (editor) {
      new Completion(editor, config.getAttribute("data-complete-url"));
    });
  });
})();
