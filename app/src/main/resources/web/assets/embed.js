// The embedded vote card (/embed/c/{id}), framed by another site. Third-party cookies are
// blocked or partitioned in such a frame (and SameSite=None needs HTTPS), so the participant's
// token is kept by this script: in the frame's own (partitioned) localStorage when it may, else
// in memory for the visit, and sent as a bearer token. No cookie is sent (credentials: 'omit').
(function () {
  'use strict';
  var root = document.getElementById('embed');
  if (!root) { return; }
  var id = root.dataset.conversation;
  var lang = root.dataset.lang;
  var key = 'commonground.embed.' + id;
  var token = null;
  var current = null;
  try { token = window.localStorage.getItem(key); } catch (e) { token = null; }

  function remember(t) {
    token = t;
    try { window.localStorage.setItem(key, t); } catch (e) { /* memory only */ }
  }

  function status(text) { document.getElementById('embed-status').textContent = text; }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang };
    if (token) { headers['Authorization'] = 'Bearer ' + token; }
    if (body) { headers['Content-Type'] = 'application/json'; }
    return fetch('/api/v1/conversations/' + id + path, {
      method: method, headers: headers, credentials: 'omit',
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.text().then(function (t) {
        var json = t ? JSON.parse(t) : null;
        if (!r.ok) { var err = new Error((json && json.detail) || r.statusText); err.status = r.status; throw err; }
        return json;
      });
    });
  }

  function showNext() {
    return api('GET', '/next?lang=' + lang).then(function (next) {
      document.getElementById('embed-join').hidden = true;
      var vote = document.getElementById('embed-vote');
      vote.hidden = false;
      var progress = next && next.progress;
      if (progress) {
        document.getElementById('embed-progress').textContent = progress.voted + ' / ' + progress.total;
      }
      if (!next || !next.statement) {
        current = null;
        document.getElementById('embed-statement').textContent = root.dataset.done;
        vote.querySelectorAll('button').forEach(function (b) { b.hidden = true; });
        return;
      }
      current = next.statement.id;
      var text = document.getElementById('embed-statement');
      text.textContent = next.statement.text;
      text.dataset.statement = String(current);
    });
  }

  document.getElementById('embed-join').addEventListener('submit', function (event) {
    event.preventDefault();
    var cohorts = {};
    root.querySelectorAll('select[data-dimension]').forEach(function (s) { cohorts[s.dataset.dimension] = s.value; });
    api('POST', '/participants', { cohorts: cohorts, language: lang })
      .then(function (joined) { remember(joined.token); return showNext(); })
      .catch(function (e) { status(e.message || root.dataset.failed); });
  });

  root.querySelectorAll('button[data-vote]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (current === null) { return; }
      api('POST', '/votes', { statementId: current, value: button.dataset.vote })
        .then(function () { status(root.dataset.voted); return showNext(); })
        .catch(function (e) { status(e.message || root.dataset.failed); });
    });
  });

  if (token) {
    showNext().catch(function (e) {
      if (e.status === 401 || e.status === 404) {
        token = null;
        try { window.localStorage.removeItem(key); } catch (x) { /* memory only */ }
      } else {
        status(e.message || root.dataset.failed);
      }
    });
  }
}());
