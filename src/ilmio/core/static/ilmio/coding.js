// Selecting text in one of a report's texts (description, effects, proposed action) fills
// the passage form's text choice, start and end (character offsets into that text, which is
// rendered as plain text so offsets match the stored text).
(function () {
  "use strict";
  var sources = Array.prototype.slice.call(document.querySelectorAll(".codable[data-coding-target]"));
  if (!sources.length) { return; }
  function offsetOf(source, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(source);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    var source = sources.filter(function (s) { return s.contains(range.startContainer) && s.contains(range.endContainer); })[0];
    if (!source) { return; }
    var form = document.getElementById(source.getAttribute("data-coding-target"));
    if (!form) { return; }
    var field = form.querySelector("[name=field]");
    if (field && source.getAttribute("data-field")) { field.value = source.getAttribute("data-field"); }
    form.querySelector("[name=start]").value = offsetOf(source, range.startContainer, range.startOffset);
    form.querySelector("[name=end]").value = offsetOf(source, range.endContainer, range.endOffset);
  });
}());
