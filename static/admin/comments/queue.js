/* The moderation queue without leaving the page: row buttons act in place, and WordPress's keys.
 *
 * Without this script each button posts its row's form and the page comes back
 * filtered as it was. With it, the same POST is sent asking for JSON, the
 * row is marked done and the header's pending count set to the one answered;
 * j/k move between rows, a/u/s/d press the current row's button, r follows its
 * Reply link and e its Edit link.
 */
(function () {
  "use strict";

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
  }

  var current = -1;

  function select(index) {
    var all = rows();
    if (!all.length) return;
    index = Math.max(0, Math.min(all.length - 1, index));
    if (all[current]) all[current].classList.remove("comment-current");
    current = index;
    all[current].classList.add("comment-current");
    all[current].scrollIntoView({ block: "nearest" });
  }

  function announce(text) {
    var list = document.querySelector("ul.messagelist");
    if (!list) {
      list = document.createElement("ul");
      list.className = "messagelist";
      var content = document.getElementById("content");
      content.parentNode.insertBefore(list, content);
    }
    list.setAttribute("aria-live", "polite");
    list.innerHTML = "";
    var item = document.createElement("li");
    item.className = "success";
    item.textContent = text;
    list.appendChild(item);
  }

  function act(form, button) {
    var data = new FormData(form);
    data.append(button.name, button.value);
    var row = button.closest("tr");
    button.disabled = true;
    fetch(button.formAction, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (result) {
        var state = row.querySelector(".comment-state");
        state.className = "comment-state comment-status-" + result.status;
        state.textContent = result.label.charAt(0).toUpperCase() + result.label.slice(1) + " — just now";
        row.querySelectorAll(".comment-row-actions button").forEach(function (other) {
          other.hidden = other.value === result.status;
          other.disabled = false;
        });
        var reply = row.querySelector('.comment-row-actions [data-key="r"]');
        if (reply) reply.hidden = result.status !== "approved";
        row.classList.add("comment-done");
        document.querySelectorAll(".comments-pending-count").forEach(function (count) {
          count.textContent = result.pending;
        });
        announce(result.message);
      })
      .catch(function () {
        // Let the page do it the way it does without this script.
        form.removeEventListener("submit", onSubmit);
        button.disabled = false;
        form.requestSubmit(button);
      });
  }

  function onSubmit(event) {
    var button = event.submitter;
    // Only a status button acts in place; a block decides many rows, so the page comes back showing them.
    if (!button || button.name !== "status") return;
    event.preventDefault();
    act(event.target, button);
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    var all = rows();
    if (event.key === "j") select(current + 1);
    else if (event.key === "k") select(current - 1);
    else if (all[current]) {
      var target = all[current].querySelector('.comment-row-actions [data-key="' + event.key + '"]');
      if (event.key === "e") target = all[current].querySelector(".comment-row-actions a:last-child");
      if (!target || target.hidden) return;
      target.click();
    } else return;
    event.preventDefault();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("comment-row-action");
    if (!form) return;
    form.addEventListener("submit", onSubmit);
    document.addEventListener("keydown", onKey);
    var keys = document.getElementById("comment-keys");
    if (keys) keys.hidden = false;
    rows().forEach(function (row, index) {
      row.addEventListener("click", function () {
        if (current !== index) select(index);
      });
    });
  });
})();
