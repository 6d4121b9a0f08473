// A post page's comments: Reply and Preview without a reload, and what only
// this browser sees, added after the page loads. What only this browser sees: the
// page itself is the same for every reader, so caches can share it. The server
// sets the cp_own cookie when the browser posts a comment or asks to be
// remembered; only then is anything fetched (comments.views.own_comments).
(function () {
  "use strict";

  function list(parentId) {
    var parent = parentId && document.getElementById("comment-" + parentId);
    if (parent) {
      var replies = parent.querySelector(":scope > ol.comment-replies");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "comment-replies";
        parent.appendChild(replies);
      }
      return replies;
    }
    var top = document.querySelector("#comments ol.comment-list");
    if (!top) {
      top = document.createElement("ol");
      top.className = "comment-list";
      document.getElementById("comments-heading").after(top);
    }
    return top;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function addEditLinks(item) {
    var article = document.querySelector("#comment-" + item.id + " > article");
    if (!article) return;
    var actions = article.querySelector(":scope > .comment-actions");
    if (!actions) {
      actions = document.createElement("p");
      actions.className = "comment-actions";
      article.appendChild(actions);
    }
    actions.append(" ", link(item.edit, "Edit"), " ", link(item.withdraw, "Withdraw"));
  }

  function fill(form, identity) {
    ["name", "email", "website"].forEach(function (name) {
      var input = form.elements[name];
      if (input && !input.value && identity[name]) input.value = identity[name];
    });
    if (form.elements.remember && identity.name) form.elements.remember.checked = true;
  }

  function show(own) {
    var form = document.getElementById("comment-form");
    if (form) fill(form, own.identity || {});
    own.held.forEach(function (item) {
      if (!document.getElementById("comment-" + item.id)) {
        list(item.parent).insertAdjacentHTML("beforeend", item.html);
      }
    });
    own.editable.forEach(addEditLinks);
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }

  // Reply opens the form under the comment, without a reload; without a
  // script the Reply link loads the page with the form replying (?replyto=).
  function setUpReplies(section, form) {
    var home = document.createElement("span");
    home.hidden = true;
    form.before(home);
    var heading = form.querySelector("h3");
    var submit = form.querySelector('button[type="submit"]:not([name])');
    var original = { heading: heading.textContent, submit: submit.textContent };
    var replying = null;
    var opener = null;

    function cancel() {
      if (replying) replying.remove();
      replying = null;
      home.after(form);
      form.elements.parent.value = "";
      heading.textContent = original.heading;
      submit.textContent = original.submit;
      if (opener) opener.focus();
      opener = null;
    }

    section.addEventListener("click", function (event) {
      var link = event.target.closest("a.comment-reply");
      if (!link || !section.contains(link)) return;
      var id = link.dataset.replyTo;
      var article = document.querySelector("#comment-" + id + " > article");
      if (!article) return;
      event.preventDefault();
      var name = article.querySelector(".comment-author bdi").textContent;
      var old = form.querySelector(".comment-replying");
      if (old) old.remove();
      replying = document.createElement("p");
      replying.className = "comment-replying";
      replying.append("Replying to ", Object.assign(document.createElement("a"), {
        href: "#comment-" + id, textContent: name + "’s comment"
      }), ". ");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "comment-cancel-reply";
      button.textContent = "Cancel reply";
      button.addEventListener("click", cancel);
      replying.append(button);
      heading.after(replying);
      heading.textContent = "Reply to " + name;
      submit.textContent = "Post reply";
      form.elements.parent.value = id;
      article.after(form);
      opener = link;
      form.elements.body.focus();
    });
  }

  // Preview renders the text through the server's pipeline, in place; without
  // a script the Preview button posts to a page with the preview and the form.
  function setUpPreview(section, form) {
    var box = document.getElementById("comment-preview");
    if (!section.dataset.preview || !box) return;
    form.addEventListener("submit", function (event) {
      if (!event.submitter || event.submitter.name !== "preview") return;
      event.preventDefault();
      var body = box.querySelector(".comment-body");
      function shown(fill) {
        fill();
        box.hidden = false;
        box.tabIndex = -1;
        box.focus();
      }
      fetch(section.dataset.preview, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          shown(function () {
            if (result.errors) body.textContent = result.errors.join(" ");
            else body.innerHTML = result.html;
          });
        })
        .catch(function () {
          shown(function () { body.textContent = "The preview could not be made just now; your text is kept."; });
        });
    });
  }

  var section = document.getElementById("comments");
  if (!section) return;
  var form = document.getElementById("comment-form");
  if (form && section.contains(form) && form.elements.parent) {
    setUpReplies(section, form);
    setUpPreview(section, form);
  }
  if (!section.dataset.own || document.cookie.split("; ").indexOf("cp_own=1") < 0) return;
  fetch(section.dataset.own, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (own) { if (own) show(own); })
    .catch(function () {});
})();
