// "Exit this page": leave for a neutral site and take this page out of the tab's history,
// so Back does not return to it. Without JavaScript the button is still a plain link.
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var WITHIN_MS = 1000;

  function exitLink() {
    return document.querySelector("[data-exit-this-page]");
  }

  function leave() {
    var link = exitLink();
    if (!link) {
      return;
    }
    document.documentElement.classList.add("is-leaving");
    window.location.replace(link.href);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-exit-this-page]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    event.preventDefault();
    leave();
  });

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (at) {
      return now - at < WITHIN_MS;
    });
    presses.push(now);
    if (presses.length >= SHIFT_PRESSES) {
      presses = [];
      leave();
    }
  });
})();
