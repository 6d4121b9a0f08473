// What only this browser sees on a post page, added after the page loads: the
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

  var section = document.getElementById("comments");
  if (!section || !section.dataset.own || document.cookie.split("; ").indexOf("cp_own=1") < 0) return;
  fetch(section.dataset.own, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (own) { if (own) show(own); })
    .catch(function () {});
})();
