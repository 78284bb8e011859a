// Common Ground's only script of its own. Pages work without it; it adds the CSRF header to
// htmx requests, keyboard shortcuts, the character counter and the map's colour toggle.
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  document.addEventListener("htmx:configRequest", function (e) {
    e.detail.headers["X-CSRF-Token"] = csrfToken();
  });

  // After htmx swaps in the next statement, move focus there so keyboard and screen-reader
  // users continue from the new content, and say it in the polite live region. An outerHTML
  // swap leaves e.detail.target detached, so the new element is looked up by its id.
  document.addEventListener("htmx:afterSettle", function (e) {
    var target = e.detail.target;
    var swapped = (target && target.id && document.getElementById(target.id)) || target;
    var focus = swapped && swapped.querySelector ? swapped.querySelector("[data-autofocus]") : null;
    if (focus) {
      focus.focus();
    }
    var announce = document.getElementById("vote-announce");
    if (announce && swapped && swapped.getAttribute && swapped.hasAttribute("data-announce")) {
      announce.textContent = swapped.getAttribute("data-announce");
    }
    initCounters(document);
  });

  // A refused statement (409 near-duplicate, 422 empty or too long, 400 unreadable text) answers
  // with the writing section explaining why; htmx drops 4xx answers unless told to swap them.
  // Only an answer that is that section again is swapped in (not, say, a problem page).
  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    var status = xhr ? xhr.status : 0;
    var target = e.detail.target;
    if (status >= 400 && status < 500 && target && target.hasAttribute("data-swap-errors")
        && xhr.responseText.indexOf('id="' + target.id + '"') >= 0) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // Shortcuts: a visible element with data-key="a" is clicked when "a" is pressed outside a text
  // field. On pages with several items (the moderation queue), each item is a data-key-scope:
  // J and K move between items, and a key acts on the item that holds the focus, else the first.
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) {
      return;
    }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      return;
    }
    var key = (e.key || "").toLowerCase();
    if (!/^[a-z0-9]$/.test(key)) {
      return;
    }
    var scope = t && t.closest ? t.closest("[data-key-scope]") : null;
    if ((key === "j" || key === "k") && moveBetweenScopes(scope, key === "j" ? 1 : -1)) {
      e.preventDefault();
      return;
    }
    var selector = '[data-key="' + key + '"]:not([disabled])';
    var el = (scope && scope.querySelector(selector)) || document.querySelector(selector);
    if (el && el.offsetParent !== null) {
      e.preventDefault();
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
        el.focus();
      } else {
        el.click();
      }
    }
  });

  function moveBetweenScopes(current, step) {
    var scopes = Array.from(document.querySelectorAll("[data-key-scope]"));
    if (scopes.length === 0) {
      return false;
    }
    var next = scopes[Math.max(0, Math.min(scopes.length - 1, scopes.indexOf(current) + step))];
    if (current === null) {
      next = scopes[0];
    }
    next.focus();
    next.scrollIntoView({block: "nearest"});
    return true;
  }

  // After htmx replaces a decided item, keep the keyboard user in the queue: focus the same
  // item again (it now shows its new state), so J moves on from there.
  document.addEventListener("htmx:afterSwap", function (e) {
    var target = e.detail.target;
    if (target && target.id) {
      var again = document.getElementById(target.id);
      if (again && again.hasAttribute("data-key-scope")) {
        again.focus();
      }
    }
  });

  // Character counters: <textarea data-max="280" aria-describedby="x"> and <output id="x">.
  function initCounters(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll("textarea[data-max]").forEach(function (area) {
      var out = document.getElementById(area.getAttribute("data-counter"));
      if (!out || area.dataset.counting) {
        return;
      }
      area.dataset.counting = "1";
      var max = parseInt(area.getAttribute("data-max"), 10);
      var template = out.getAttribute("data-template") || "{n} / {max}";
      var update = function () {
        var n = Array.from(area.value.trim()).length;
        out.textContent = template.replace("{n}", n).replace("{max}", max);
        out.classList.toggle("over", n > max);
      };
      area.addEventListener("input", update);
      update();
    });
  }

  // Toggles: <button data-toggle="show-cohort" data-target="map-1" aria-pressed="false"> switches
  // a class on the target (the opinion map coloured by group or by country).
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-toggle]") : null;
    if (!b) {
      return;
    }
    var target = document.getElementById(b.getAttribute("data-target"));
    if (!target) {
      return;
    }
    var on = target.classList.toggle(b.getAttribute("data-toggle"));
    b.setAttribute("aria-pressed", String(on));
  });

  document.addEventListener("DOMContentLoaded", function () {
    initCounters(document);
    var first = document.querySelector("#vote-card [data-autofocus]");
    if (first) {
      first.focus();
    }
    document.querySelectorAll("[data-js-only]").forEach(function (el) {
      el.hidden = false;
    });
  });
  // A dialogue's schedule is drawn on the server in the reader's time zone: tell it the browser's
  // zone once (the tz cookie), and redraw a page that was drawn in UTC for want of it.
  (function rememberTimeZone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (ignored) {
      return;
    }
    if (!zone || document.cookie.split("; ").some(function (c) { return c.indexOf("tz=") === 0; })) {
      return;
    }
    document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
    var auto = document.querySelector("[data-tz-auto='yes']");
    if (auto && zone !== "UTC" && zone !== "Etc/UTC") {
      window.location.reload();
    }
  })();
})();
