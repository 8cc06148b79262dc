// Selecting text in a report fills the passage form's start and end (character offsets
// into the description, which is rendered as plain text so offsets match the stored text).
(function () {
  "use strict";
  var source = document.getElementById("report-text");
  if (!source) { return; }
  var form = document.getElementById(source.getAttribute("data-coding-target"));
  if (!form) { return; }
  function offsetOf(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(source);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) { return; }
    form.querySelector("[name=start]").value = offsetOf(range.startContainer, range.startOffset);
    form.querySelector("[name=end]").value = offsetOf(range.endContainer, range.endOffset);
  });
}());
