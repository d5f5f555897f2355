// Saves a therapist to the shortlist in place, without reloading the twenty cards around them.
// Without JavaScript each button posts the page's shortlist form and the server brings the
// person back to the same card (#therapist-<pk>); this only takes over when fetch is there.
(function () {
  "use strict";

  var form = document.querySelector("form[data-shortlist-form]");
  var status = document.getElementById("shortlist-status");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }

  function say(text) {
    if (status) {
      status.textContent = "";
      // A fresh text node, so the same words said twice are still announced.
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  function showCount(count) {
    var counts = document.querySelectorAll(".shortlist-count");
    for (var i = 0; i < counts.length; i += 1) {
      counts[i].textContent = String(count);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-save]");
    if (!button || button.form !== form) {
      return;
    }
    event.preventDefault();
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    button.setAttribute("aria-disabled", "true");
    button.setAttribute("aria-busy", "true");
    fetch(button.getAttribute("formaction"), {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("status " + response.status);
      }
      return response.json();
    }).then(function (answer) {
      button.removeAttribute("aria-busy");
      if (answer.saved) {
        button.textContent = "✓ On your shortlist";
        button.classList.remove("btn-outline-primary");
        button.classList.add("btn-success");
      } else {
        button.removeAttribute("aria-disabled");
      }
      showCount(answer.count);
      say(answer.message);
    }).catch(function () {
      // Something went wrong on the way: let the form do it the ordinary way.
      button.removeAttribute("aria-busy");
      button.removeAttribute("aria-disabled");
      form.action = button.getAttribute("formaction");
      form.submit();
    });
  });
})();
