/* Autosave: the post form's title, summary and body, kept as an autosave while the author writes.
 *
 * Every few seconds (data-autosave-seconds) when the text has changed, and
 * when the author leaves the page, the three fields go to the admin's
 * autosave endpoint with the form's CSRF token; the post itself is not
 * touched. "Load into the form" in the list of autosaves puts one back in the
 * fields (after keeping the current text as an autosave); saving the form
 * makes it the post's text. A new post's form carries the ids of its
 * autosaves, which become the post's when it is saved.
 */
(function () {
  "use strict";

  var FIELDS = ["title", "summary", "body"];

  function Autosave(config, form) {
    this.url = config.getAttribute("data-autosave-url");
    this.form = form;
    this.status = document.getElementById("autosave-status");
    this.sent = this.text();
    this.submitting = false;
    var autosave = this;
    form.addEventListener("submit", function () { autosave.submitting = true; });
    setInterval(function () { autosave.save(); }, Number(config.getAttribute("data-autosave-seconds")) * 1000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") autosave.beacon();
    });
    window.addEventListener("pagehide", function () { autosave.beacon(); });
    document.querySelectorAll("[data-load-autosave]").forEach(function (button) {
      button.addEventListener("click", function () { autosave.load(button.getAttribute("data-load-autosave")); });
    });
  }

  Autosave.prototype.text = function () {
    var form = this.form;
    return FIELDS.map(function (name) {
      var field = form.elements[name];
      return field ? field.value : "";
    });
  };

  Autosave.prototype.changed = function () {
    return this.text().join("\u0000") !== this.sent.join("\u0000");
  };

  Autosave.prototype.data = function () {
    var data = new FormData();
    this.text().forEach(function (value, index) { data.append(FIELDS[index], value); });
    data.append("csrfmiddlewaretoken", this.form.elements.csrfmiddlewaretoken.value);
    return data;
  };

  Autosave.prototype.say = function (text) {
    if (this.status) this.status.textContent = text;
  };

  Autosave.prototype.save = function () {
    if (this.submitting || !this.changed()) return Promise.resolve();
    var text = this.text();
    var autosave = this;
    return fetch(this.url, { method: "POST", body: this.data(), credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(Object.values(answer).join(" "));
          autosave.sent = text;
          if (!answer.saved) return;
          autosave.say("Autosaved at " + answer.at + ".");
          autosave.remember(answer.id);
        });
      })
      .catch(function (error) {
        autosave.say("Not autosaved: " + (error.message || "the server could not be reached") + ".");
      });
  };

  // A new post's form names its autosaves, so that saving the post makes them the post's.
  Autosave.prototype.remember = function (id) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "autosave";
    input.value = String(id);
    this.form.appendChild(input);
  };

  // Leaving the page: the browser sends it even as the page goes away.
  Autosave.prototype.beacon = function () {
    if (this.submitting || !this.changed() || !navigator.sendBeacon) return;
    if (navigator.sendBeacon(this.url, this.data())) this.sent = this.text();
  };

  Autosave.prototype.load = function (url) {
    var autosave = this;
    this.save()
      .then(function () { return fetch(url, { credentials: "same-origin" }); })
      .then(function (response) {
        if (!response.ok) throw new Error("the server answered " + response.status);
        return response.json();
      })
      .then(function (saved) {
        FIELDS.forEach(function (name) {
          var field = autosave.form.elements[name];
          if (!field) return;
          field.value = saved[name];
          field.dispatchEvent(new Event("input", { bubbles: true }));
        });
        autosave.sent = autosave.text();
        autosave.say("Loaded the text autosaved at " + saved.at + ". Save the post to keep it.");
        autosave.form.elements.body.focus();
      })
      .catch(function (error) { autosave.say("Not loaded: " + error.message + "."); });
  };

  document.addEventListener("DOMContentLoaded", function () {
    var config = document.getElementById("post-editor-config");
    var form = config && config.closest("form");
    if (form && form.elements.body) new Autosave(config, form);
  });
})();
