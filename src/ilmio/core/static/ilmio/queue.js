// Keyboard shortcuts for the triage queue (issue 20): j / k move to the next / previous
// report, x selects it for a bulk change, Enter opens it (the focused link), / jumps to the
// text search. Keys typed into a field are left alone; nothing is sent anywhere.
(function () {
  "use strict";
  var table = document.querySelector("[data-queue]");
  if (!table) { return; }
  var links = function () { return Array.prototype.slice.call(table.querySelectorAll("tbody a.queue-title")); };
  var current = function () { return links().indexOf(document.activeElement); };
  var typing = function (el) { return el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)); };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var all = links(), at = current();
    if (event.key === "j" || event.key === "k") {
      if (!all.length) { return; }
      var next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + (event.key === "j" ? 1 : -1)));
      all[next].focus();
      event.preventDefault();
    } else if (event.key === "x" && at >= 0) {
      var box = all[at].closest("tr").querySelector("input[type=checkbox]");
      if (box) { box.checked = !box.checked; }
      event.preventDefault();
    } else if (event.key === "/") {
      var search = document.querySelector("[data-queue-search] input[name=q]");
      if (search) { search.focus(); event.preventDefault(); }
    }
  });
}());
