// The audit view: who did what, when, on what, read from the hash-chained log; filters that live in the
// address (#/audit?item=&actor=&kind=&from=&to=), verification, and an export of what is shown.
// The node's entries endpoint pages through the chain and has no filters of its own: the page reads the
// chain (up to MAX_PAGES pages) and filters it here.
import { PATHS, get } from './api.js';
import { field, fill, h, label, problemBox, select, toast } from './ui.js';

const PAGE_SIZE = 1000;
const MAX_PAGES = 50;
/** Rows drawn at most; the export carries every entry that matches. */
const SHOWN = 200;
const FILTERS = ['item', 'actor', 'kind', 'from', 'to'];

/** An instant in full, as the log has it, without the milliseconds: 2026-12-03 13:05:07Z. */
const instant = (text) => String(text || '').replace(/\.\d+Z$/, 'Z').replace('T', ' ');

/** Whether an entry passes the filters; item matches the subject or any detail naming it. */
export function matches(entry, filter) {
  if (filter.kind && entry.kind !== filter.kind) {
    return false;
  }
  if (filter.actor) {
    const who = `${entry.actor || ''} ${entry.actorNation || ''} ${entry.actorId || ''}`.toLowerCase();
    if (!who.includes(filter.actor.toLowerCase())) {
      return false;
    }
  }
  if (filter.item) {
    const values = [entry.subject, ...Object.values(entry.details || {})].map((value) => String(value || ''));
    if (!values.some((value) => value === filter.item)) {
      return false;
    }
  }
  const day = String(entry.at || '').slice(0, 10);
  if (filter.from && day < filter.from) {
    return false;
  }
  if (filter.to && day > filter.to) {
    return false;
  }
  return true;
}

export async function render(main, parts, params) {
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  const verdict = h('div', { id: 'audit-verdict', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', id: 'audit-verify', class: 'primary' }, 'Verify the chain');
  const exportButton = h('button', { type: 'button', id: 'audit-export' }, 'Export the entries shown');
  const entries = h('div', { id: 'audit-entries' });

  let list = [];
  for (let from = 1, page = 0; page < MAX_PAGES; page += 1) {
    const data = await get(PATHS.auditEntries(from, PAGE_SIZE));
    list = list.concat(Array.isArray(data) ? data : data.entries || []);
    if (!data || !data.next) {
      break;
    }
    from = data.next;
  }
  const kinds = [...new Set(list.map((entry) => entry.kind))].sort();
  const inputs = {
    item: h('input', { type: 'text', id: 'audit-item', value: filter.item, spellcheck: 'false', placeholder: 'item or agreement id' }),
    actor: h('input', { type: 'text', id: 'audit-actor', value: filter.actor, spellcheck: 'false', placeholder: 'user name or nation' }),
    kind: select({ id: 'audit-kind' }, [['', 'any kind']].concat(kinds.map((kind) => [kind, label(kind)])), filter.kind),
    from: h('input', { type: 'date', id: 'audit-from', value: filter.from }),
    to: h('input', { type: 'date', id: 'audit-to', value: filter.to }),
  };
  const form = h('form', { id: 'audit-filters', class: 'controls', role: 'search', 'aria-label': 'Filter the audit log' },
    field('Item or agreement', inputs.item), field('Who', inputs.actor), field('What', inputs.kind),
    field('From', inputs.from), field('To', inputs.to),
    h('button', { type: 'submit', id: 'audit-filter' }, 'Filter'),
    h('a', { href: '#/audit', id: 'audit-clear' }, 'Clear'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    FILTERS.forEach((name) => {
      if (inputs[name].value.trim()) {
        query.set(name, inputs[name].value.trim());
      }
    });
    // A new address re-renders the page with the filters: the view can be shared.
    location.hash = `#/audit${query.toString() ? '?' + query : ''}`;
  });

  const found = list.filter((entry) => matches(entry, filter)).reverse();
  const active = FILTERS.filter((name) => filter[name]);
  fill(main, h('h1', {}, 'Audit'),
    h('p', {}, 'Every decision asked, consent, release and agreement change, hash-chained: each entry\'s hash covers the previous one.'),
    form,
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
  exportButton.addEventListener('click', () => {
    // The entries as the node gave them (hashes and bodies included, so the file can be checked), oldest first.
    const chosen = found.slice().reverse();
    const filename = `audit-entries${active.length ? '-filtered' : ''}.json`;
    offer(new Blob([JSON.stringify({ filters: Object.fromEntries(active.map((name) => [name, filter[name]])), entries: chosen }, null, 2)],
      { type: 'application/json' }), filename);
    const range = chosen.length ? `, #${chosen[0].seq} to #${chosen[chosen.length - 1].seq}` : '';
    const said = `Wrote ${filename}: ${chosen.length} entr${chosen.length === 1 ? 'y' : 'ies'}${range}${active.length ? ', filtered by ' + active.join(', ') : ''}.`;
    fill(verdict, h('p', { class: 'ok', id: 'audit-exported' }, said));
    toast(said);
  });

  fill(entries, found.length ? h('table', { class: 'list', id: 'audit-table' },
    h('caption', {}, `${found.length > SHOWN ? 'Latest ' + SHOWN + ' of ' : ''}${found.length} entries${active.length ? ' matching the filters' : ''}, newest first`),
    h('thead', {}, h('tr', {}, ['#', 'When (UTC)', 'Who', 'What', 'On what', 'Details', 'Hash'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, found.slice(0, SHOWN).map((entry) => h('tr', { 'data-seq': entry.seq, 'data-kind': entry.kind },
      h('td', {}, entry.seq),
      h('td', { class: 'nowrap' }, instant(entry.at)),
      h('td', { class: 'who' }, entry.actor || '', entry.actorNation ? h('span', { class: 'muted' }, ` · ${entry.actorNation}`) : null),
      h('td', {}, h('code', {}, entry.kind)),
      h('td', { class: 'subject' }, entry.subject || ''),
      h('td', {}, details(entry.details)),
      h('td', {}, h('code', { title: entry.hash }, String(entry.hash || '').slice(0, 12)))))))
    : h('p', { id: 'audit-empty' }, active.length ? 'No entry matches the filters.' : 'No entries yet.'));
}

/** Details as a small definition list, one line a field, not key=value text. */
function details(map) {
  const fields = Object.entries(map || {});
  return fields.length ? h('dl', { class: 'details' }, fields.map(([key, value]) => [h('dt', {}, label(key)), h('dd', {}, String(value))])) : '';
}

/** Hands a blob to the browser as a download. */
function offer(blob, filename) {
  const link = h('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
