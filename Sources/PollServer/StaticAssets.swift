/// The participant page's stylesheet and script, served from memory (no files, no CDN).
enum StaticAssets {
    /// High contrast, large touch targets, readable from 320 pixels wide up.
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1.125rem/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #111; background: #fff; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; outline: none; }
        h1 { font-size: 1.35rem; margin: .5rem 0 1rem; }
        h1, legend, label, .ask, th { overflow-wrap: anywhere; }
        fieldset { border: 2px solid #111; border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; min-inline-size: 0; }
        legend { font-weight: 700; font-size: 1.2rem; padding: 0; margin: 0 0 .5rem; float: inline-start; inline-size: 100%; white-space: normal; }
        legend + * { clear: both; }
        .languages ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0; padding: 0; }
        .languages a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 .25rem; color: #0b3d91; }
        .languages a[aria-current] { font-weight: 700; color: #111; text-decoration: none; }
        label { display: block; margin: .5rem 0 .25rem; }
        .option { display: flex; align-items: center; gap: .75rem; min-height: 3rem; padding: .5rem .75rem; margin: .5rem 0;
                  border: 2px solid #555; border-radius: .5rem; cursor: pointer; }
        .option input { width: 1.5rem; height: 1.5rem; flex: none; }
        .scale { display: flex; flex-wrap: wrap; gap: .5rem; }
        .scale-point { min-width: 3.25rem; justify-content: center; }
        .rank { display: flex; justify-content: space-between; align-items: center; gap: 1rem; min-height: 3rem; }
        select, input[type=text], input[type=number], input:not([type]), textarea {
            font: inherit; min-height: 3rem; padding: .5rem; border: 2px solid #111; border-radius: .5rem; width: 100%; }
        .rank select { width: 5rem; flex: none; }
        button, .button { display: inline-flex; align-items: center; justify-content: center; min-height: 3rem; min-width: 3rem;
                 padding: .5rem 1.25rem; font: inherit; font-weight: 700; color: #fff; background: #0b3d91; border: 2px solid #0b3d91;
                 border-radius: .5rem; text-decoration: none; cursor: pointer; }
        .secondary { color: #0b3d91; background: #fff; }
        .actions { display: flex; flex-wrap: wrap; gap: .75rem; }
        :focus-visible { outline: 3px solid #c60; outline-offset: 2px; }
        .error { color: #a00; font-weight: 700; border-inline-start: 4px solid #a00; padding-inline-start: .75rem; }
        .error:empty { border: 0; padding: 0; }
        .wall { border: 2px solid #0b3d91; border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
        .wall h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        .wall table { width: 100%; border-collapse: collapse; }
        .wall caption { text-align: start; color: #333; padding-bottom: .25rem; }
        .wall th, .wall td { text-align: start; padding: .25rem .35rem; border-bottom: 1px solid #999; vertical-align: middle; }
        .wall td { white-space: nowrap; }
        .correct { display: inline-block; color: #064; }
        .wall meter { width: 4rem; vertical-align: middle; }
        .qr { width: min(80vw, 22rem); height: auto; display: block; margin: 1rem 0; }
        .qr.small { width: min(40vw, 9rem); margin: .5rem 0; }
        .code { font-size: 1.4rem; letter-spacing: .15em; }
        .live-only { display: none; }
        html[data-live] .live-only { display: inline; }
        html[data-live] .static-only { display: none; }
        .saved, .status { color: #064; font-weight: 700; border-inline-start: 4px solid #064; padding-inline-start: .75rem; }
        .hint, .progress { color: #333; }
        .tabs { display: flex; gap: .5rem; margin: 0 0 1rem; }
        .tabs a { padding: .5rem 1rem; min-height: 3rem; display: inline-flex; align-items: center; color: #0b3d91;
                  border: 2px solid #0b3d91; border-radius: .5rem; font-weight: 700; text-decoration: none; }
        .tabs a[aria-current] { color: #fff; background: #0b3d91; }
        ol.qa, ul.qa { padding-inline-start: 1.25rem; }
        ol.qa li { margin: 0 0 1rem; padding-bottom: .75rem; border-bottom: 1px solid #999; }
        .qa-text { margin: 0 0 .25rem; overflow-wrap: anywhere; }
        .tag { display: inline-block; padding: 0 .4rem; border: 1px solid #333; border-radius: .25rem; font-size: .95rem; }
        .tag.now { color: #fff; background: #064; border-color: #064; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        """

    /// Follows the facilitator live: when the round or (in presenter pace) the open question
    /// changes, the page's main part is fetched again and swapped in, without a reload.
    static let javascript = """
        (function () {
          var body = document.body, code = body.dataset.code;
          if (!code || !window.EventSource || !window.fetch || !window.DOMParser) return;
          var state = body.dataset.state;
          // The wall page watches: its browser is not counted as a participant connected.
          var events = new EventSource('/api/v1/events?code=' + encodeURIComponent(code) + (state === 'wall' ? '&watch=wall' : ''));
          document.documentElement.dataset.live = 'on';
          // Leaving the page closes the stream, so a browser's few connections per server stay free.
          window.addEventListener('pagehide', function () { events.close(); });
          // Fetches `url` and puts its element `id` in place of this page's; resolves to the
          // fetched document and the new element (nothing when either page lacks it).
          function swap(url, id) {
            return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
              var doc = new DOMParser().parseFromString(html, 'text/html');
              var next = doc.getElementById(id), current = document.getElementById(id);
              if (!next || !current) return null;
              current.replaceWith(next);
              return { doc: doc, element: next };
            });
          }
          // The wall page mirrors the console: any change of the session or the Q&A, fetched again.
          if (state === 'wall') {
            var again = function () { swap(location.pathname, 'main'); };
            events.addEventListener('session', again);
            events.addEventListener('questions', again);
            return;
          }
          events.addEventListener('session', function (event) {
            // The Questions page does not change with the rounds (and a question may be half typed).
            if (document.getElementById('qa-live')) return;
            var s = JSON.parse(event.data);
            var key = [s.open_round || '', s.pace, s.pace === 'presenter' ? (s.current_question || '') + ':' + s.voting_open : '',
                       s.shown ? (s.current_question || '') + ':' + s.shown : ''].join('|');
            if (key === state) return;
            // Another round: from its first question (a page that was "done" is not done with it).
            var newRound = key.split('|')[0] !== (state || '').split('|')[0];
            state = key;
            var url = s.pace === 'presenter' || newRound ? location.pathname : location.pathname + location.search.replace(/([?&])saved=[^&]*&?/, '$1');
            swap(url, 'main').then(function (swapped) {
              if (!swapped) return;
              state = swapped.doc.body.dataset.state || state;
              body.dataset.state = state;
              swapped.element.focus();
            });
          });
          // The Questions page: the list follows the room live, and votes are sent without
          // leaving the page (the question being typed stays).
          var live = document.getElementById('qa-live');
          if (!live) return;
          function refresh(focusID) {
            var current = document.getElementById('qa-live');
            var focused = focusID || (current && document.activeElement && current.contains(document.activeElement) ? document.activeElement.id : null);
            return swap(location.pathname, 'qa-live').then(function () {
              var again = focused && document.getElementById(focused);
              if (again) again.focus();
            });
          }
          // A room's phones do not all fetch at the same moment: each waits up to a second more.
          var pending = false;
          events.addEventListener('questions', function () {
            if (pending) return;
            pending = true;
            setTimeout(function () { pending = false; refresh(null); }, 500 + Math.random() * 1000);
          });
          document.addEventListener('submit', function (event) {
            var form = event.target;
            if (!form.classList || !form.classList.contains('vote')) return;
            event.preventDefault();
            var button = form.querySelector('button'), up = form.querySelector('input[name=up]');
            var status = document.getElementById('qa-status');
            fetch(form.action, { method: 'POST', credentials: 'same-origin',
                                 headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'up=' + (up ? up.value : '') })
              .then(function (response) {
                if (status) status.textContent = response.ok || response.redirected ? '' : (body.dataset.voteFailed || '').replace('{status}', response.status);
                return refresh(button && button.id);
              }, function () { if (status) status.textContent = body.dataset.voteOffline || ''; });
          });
        })();
        """
}
