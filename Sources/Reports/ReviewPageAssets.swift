// The review page's inline style and script. The script keeps one decision per fact (accept, reject, or amend
// with the fields changed) and writes them, in page order, as the corrections file Sources/Corrections reads:
//
//   corrections:
//     - accept: "v-..."            checked and right: marked so, and no longer listed for review
//     - reject: "v-..."
//       by: "an"                   when the "by" field is filled
//       date: 2026-12-04           the day of the decision
//       reason: "..."              when given
//     - amend: "v-..."
//       set:
//         start: "2019-02-26"      only the fields changed; an emptied start is `~` (cleared)
//
// Strings are written as JSON strings, which YAML reads as double-quoted scalars. The script has no `<` or `&`,
// so the page stays well-formed XML, as the reports are.

enum ReviewPageAssets {
    static let script = #"""

    (function () {
      'use strict';
      var decisions = {};
      var facts = Array.prototype.slice.call(document.querySelectorAll('section.fact'));
      var output = document.getElementById('corrections-yaml');
      var download = document.getElementById('corrections-download');
      var downloadURL = null;

      function quoted(s) { return JSON.stringify(String(s)); }
      function today() { return new Date().toISOString().slice(0, 10); }
      function oneLine(s) { return String(s).replace(/[\r\n]+/g, ' '); }

      function entry(id, d, by) {
        var lines = ['  - ' + d.action + ': ' + quoted(id)];
        if (d.action === 'amend') {
          lines.push('    set:');
          Object.keys(d.set).forEach(function (key) {
            var value = d.set[key];
            lines.push('      ' + key + ': ' + (value === null ? '~' : quoted(value)));
          });
        }
        if (by) lines.push('    by: ' + quoted(by));
        lines.push('    date: ' + today());
        if (d.reason) lines.push('    reason: ' + quoted(d.reason));
        return lines.join('\n');
      }

      function yaml() {
        var by = document.getElementById('review-by').value.trim();
        var entries = [];
        facts.forEach(function (fact) {
          var id = fact.getAttribute('data-id'), d = decisions[id];
          if (d) entries.push(entry(id, d, by));
        });
        return entries.length ? 'corrections:\n' + entries.join('\n') + '\n' : 'corrections: []\n';
      }

      function refresh() {
        var text = yaml();
        output.value = text;
        if (downloadURL) URL.revokeObjectURL(downloadURL);
        downloadURL = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
        download.href = downloadURL;
      }

      function decide(fact, d, note) {
        var id = fact.getAttribute('data-id');
        if (d) decisions[id] = d; else delete decisions[id];
        fact.setAttribute('data-decision', d ? d.action : '');
        fact.querySelector('.decision').textContent = note;
        refresh();
      }

      function reason(fact) { return oneLine(fact.querySelector('input[name=reason]').value.trim()); }

      // The fields of the edit form that differ from the fact's, or a problem.
      function changes(fact) {
        var form = fact.querySelector('form.edit'), set = {};
        var start = form.elements.start.value.trim();
        var destination = form.elements.destination.value.trim().toUpperCase();
        if (!/^(\d{4}(-\d{2}(-\d{2})?)?)?$/.test(start)) return { problem: 'start: an ISO date such as 2019, 2019-02 or 2019-02-26' };
        if (!/^[A-Z]{3}$/.test(destination)) return { problem: 'destination: an ISO alpha-3 code such as VNM' };
        if (start !== fact.getAttribute('data-start')) set.start = start === '' ? null : start;
        ['status', 'kind'].forEach(function (key) {
          var value = form.elements[key].value;
          if (value !== fact.getAttribute('data-' + key)) set[key] = value;
        });
        if (destination !== fact.getAttribute('data-destination')) set.destination = destination;
        if (Object.keys(set).length === 0) return { problem: 'nothing changed' };
        return { set: set };
      }

      function act(fact, action) {
        var form = fact.querySelector('form.edit');
        switch (action) {
        case 'accept': form.hidden = true; decide(fact, { action: 'accept', reason: reason(fact) }, 'accepted'); break;
        case 'reject': form.hidden = true; decide(fact, { action: 'reject', reason: reason(fact) }, 'rejected'); break;
        case 'edit': form.hidden = !form.hidden; break;
        case 'undo': form.hidden = true; decide(fact, null, ''); break;
        case 'save-edit':
          var result = changes(fact);
          form.querySelector('.problem').textContent = result.problem || '';
          if (result.set) {
            decide(fact, { action: 'amend', set: result.set, reason: reason(fact) }, 'amended: ' + Object.keys(result.set).join(', '));
          }
          break;
        }
      }

      facts.forEach(function (fact) {
        fact.addEventListener('click', function (event) {
          var button = event.target.closest('button[data-action]');
          if (button) act(fact, button.getAttribute('data-action'));
        });
      });
      document.getElementById('review-by').addEventListener('input', refresh);
      document.getElementById('corrections-copy').addEventListener('click', function () {
        output.select();
        document.execCommand('copy');
      });
      refresh();
    })();

    """#

    static let css = """

    :root { color-scheme: light dark; --muted: #666; --line: #ccc; --mark: #fde68a; }
    @media (prefers-color-scheme: dark) { :root { --muted: #aaa; --line: #444; --mark: #7c5e10; } }
    body { font: 15px/1.45 system-ui, sans-serif; margin: 0; display: flex; gap: 1.5em; padding: 1em; }
    main { flex: 3; min-width: 0; }
    aside#corrections { flex: 2; position: sticky; top: 1em; align-self: flex-start; }
    textarea#corrections-yaml { width: 100%; font: 13px/1.4 ui-monospace, monospace; }
    h1 { font-size: 1.4em; margin: 0 0 .2em; }
    .summary, .hint, cite { color: var(--muted); }
    section.fact { border: 1px solid var(--line); border-radius: 6px; padding: .6em .9em; margin: 0 0 1em; }
    section.fact[data-decision=reject] { opacity: .55; }
    section.fact[data-decision=accept] { border-color: #3a8a3a; }
    section.fact[data-decision=amend] { border-color: #b07d10; }
    section.fact h2 { font-size: 1.05em; margin: 0 0 .3em; }
    code.fact-id { font-size: .85em; color: var(--muted); }
    ul.reasons { margin: 0 0 .4em 1.1em; padding: 0; }
    dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8em; margin: 0 0 .4em; }
    dl.fields dt { color: var(--muted); }
    dl.fields dd { margin: 0; }
    ol.sentences { margin: 0 0 .5em 1.2em; padding: 0; }
    mark { background: var(--mark); color: inherit; }
    form.edit label, .controls label { margin-right: .6em; }
    .decision { font-weight: 600; margin-left: .5em; }
    .problem { color: #b00020; }
    @media (max-width: 800px) { body { display: block; } aside#corrections { position: static; } }

    """
}
