// The audit view: the latest entries of the hash-chained log, verification, and export.
import { PATHS, download, get } from './api.js';
import { fill, h, problemBox, toast, when } from './ui.js';

export async function render(main) {
  const verdict = h('div', { id: 'audit-verdict', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', id: 'audit-verify', class: 'primary' }, 'Verify the chain');
  const exportButton = h('button', { type: 'button', id: 'audit-export' }, 'Export');
  const entries = h('div', { id: 'audit-entries' });
  fill(main, h('h1', {}, 'Audit'),
    h('p', {}, 'Every decision asked, consent, release and agreement change, hash-chained: each entry\'s hash covers the previous one.'),
    h('div', { class: 'row' }, verify, exportButton), verdict, entries);

  verify.addEventListener('click', async () => {
    try {
      const result = await get(PATHS.auditVerify());
      const ok = result.ok === true || result.status === 'INTACT';
      fill(verdict, h('p', { class: ok ? 'ok' : 'problem', id: 'audit-result', 'data-ok': String(ok), role: ok ? null : 'alert' },
        ok ? `Intact: ${result.entries} entries${result.lastSeq !== undefined ? ', last ' + result.lastSeq : ''}${result.head ? ', head ' + String(result.head).slice(0, 16) + '…' : ''}${result.checkpoints !== undefined ? ', ' + result.checkpoints + ' checkpoints' : ''}`
          : `Broken at entry ${result.seq}: ${result.problem} — ${result.message}`));
    } catch (error) {
      fill(verdict, problemBox(error));
    }
  });
  exportButton.addEventListener('click', async () => {
    try {
      await download(PATHS.auditEntries(1, 10000), 'audit-entries.json');
      toast('Audit export downloaded');
    } catch (error) {
      fill(verdict, problemBox(error));
    }
  });

  // The latest entries: read the chain from the start in pages and keep the last 200.
  let list = [];
  for (let from = 1, page = 0; page < 50; page += 1) {
    const data = await get(PATHS.auditEntries(from, 1000));
    list = list.concat(Array.isArray(data) ? data : data.entries || []).slice(-200);
    if (!data || !data.next) {
      break;
    }
    from = data.next;
  }
  list.reverse();
  fill(entries, list.length ? h('table', { class: 'list', id: 'audit-table' },
    h('caption', {}, `Latest ${list.length} entries, newest first`),
    h('thead', {}, h('tr', {}, ['#', 'When', 'What', 'Who', 'Subject', 'Details', 'Hash'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, list.map((entry) => h('tr', {},
      h('td', {}, entry.seq), h('td', {}, when(entry.at)), h('td', {}, h('code', {}, entry.kind)), h('td', {}, entry.actor),
      h('td', {}, entry.subject),
      h('td', {}, Object.entries(entry.details || {}).map(([key, value]) => `${key}=${value}`).join(' ')),
      h('td', {}, h('code', { title: entry.hash }, String(entry.hash || '').slice(0, 12))))))) : h('p', {}, 'No entries yet.'));
}
