// The report form (issue 20): after "Preview" the focus moves to the preview (its send
// button is on the first screen); the municipality list can be searched by its Finnish or
// Swedish name; the organisation question shows only to someone writing for one.
// Without JavaScript the form works the same, only without these conveniences.
(function () {
  "use strict";
  var target = document.getElementById("error-summary") || document.getElementById("preview");
  if (target) { target.focus(); }

  var fold = function (text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  };
  Array.prototype.forEach.call(document.querySelectorAll("[data-filters]"), function (box) {
    var select = document.getElementById(box.getAttribute("data-filters"));
    var input = box.querySelector("input");
    if (!select || !input) { return; }
    box.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var shown = !wanted || option.value === "" || fold(option.text).indexOf(wanted) !== -1;
        option.hidden = !shown;
        if (shown && option.value !== "" && first === null) { first = option; }
      });
      // One match in a single choice: choose it (one tap less on a phone).
      if (!select.multiple && first && wanted && select.querySelectorAll("option:not([hidden])").length <= 2) {
        select.value = first.value;
      }
    });
  });

  var type = document.getElementById("id_reporter_type");
  var organisation = document.getElementById("field-partner_organisation_type");
  if (type && organisation) {
    var sync = function () { organisation.hidden = type.value !== "partner"; };
    type.addEventListener("change", sync);
    sync();
  }
}());
