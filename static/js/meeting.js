// The ZIP code and the distance matter only to someone who would meet in person: while "Online" is
// chosen, they are hidden. Without JavaScript they stay on the page, optional for online clients.
(function () {
  "use strict";

  var ASKED_IN_PERSON = ["div_id_zip_code", "div_id_max_distance", "div_id_state_is_right"];

  function follow(form) {
    var chosen = form.querySelector('input[name="session_format"]:checked');
    var online = chosen !== null && chosen.value === "online";
    ASKED_IN_PERSON.forEach(function (id) {
      var wrapper = form.querySelector("#" + id);
      // A field with an error stays in view, so that its message is never hidden.
      if (wrapper && !wrapper.querySelector(".is-invalid, .invalid-feedback")) {
        wrapper.hidden = online;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form").forEach(function (form) {
      if (!form.querySelector('input[name="session_format"]') || !form.querySelector("#div_id_zip_code")) {
        return;
      }
      follow(form);
      form.addEventListener("change", function (event) {
        if (event.target.name === "session_format") {
          follow(form);
        }
      });
    });
  });
})();
