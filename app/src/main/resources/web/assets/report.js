// The opinion map's group chooser. Without this script the map is a picture and the groups are
// listed below it; with it, a row of buttons highlights one group on the map and lists what sets
// it apart. Buttons are ordinary <button>s (Tab, Enter, Space); arrow keys, Home and End move
// between them. The choice survives the live page's refresh (htmx swaps #report every 30 s).
(function () {
  "use strict";
  if (window.commonGroundMap) {
    return;
  }
  var chosen = "";

  function select(figure, group) {
    chosen = group;
    var svg = figure.querySelector(".map-svg");
    if (svg) {
      svg.setAttribute("data-selected", group);
    }
    figure.querySelectorAll("[data-map-groups] button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-group") === group));
    });
    figure.querySelectorAll("[data-group-panel]").forEach(function (p) {
      p.hidden = p.getAttribute("data-group-panel") !== group;
    });
  }

  function setUp(figure) {
    var bar = figure.querySelector("[data-map-groups]");
    if (!bar || figure.hasAttribute("data-map-ready")) {
      return;
    }
    figure.setAttribute("data-map-ready", "");
    bar.hidden = false;
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
    buttons.forEach(function (b, i) {
      b.addEventListener("click", function () {
        select(figure, b.getAttribute("data-group"));
      });
      b.addEventListener("keydown", function (e) {
        var to = -1;
        if (e.key === "ArrowRight" || e.key === "ArrowDown") {
          to = (i + 1) % buttons.length;
        } else if (e.key === "ArrowLeft" || e.key === "ArrowUp") {
          to = (i - 1 + buttons.length) % buttons.length;
        } else if (e.key === "Home") {
          to = 0;
        } else if (e.key === "End") {
          to = buttons.length - 1;
        }
        if (to >= 0) {
          e.preventDefault();
          buttons[to].focus();
        }
      });
    });
    var known = buttons.some(function (b) {
      return b.getAttribute("data-group") === chosen;
    });
    select(figure, known ? chosen : "");
  }

  function setUpAll() {
    document.querySelectorAll("[data-map]").forEach(setUp);
  }

  window.commonGroundMap = true;
  setUpAll();
  document.addEventListener("htmx:afterSettle", setUpAll);
})();
