// Saves "accepting new clients" as soon as it is switched. Without JavaScript the form's own
// Save button does the same.
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    var field = event.target;
    var form = field && field.form;
    if (!form || !form.hasAttribute("data-save-on-change")) {
      return;
    }
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  });
})();
