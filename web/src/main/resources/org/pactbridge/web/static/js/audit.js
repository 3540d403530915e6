// The audit view: who did what, when, on what, read from the hash-chained log; filters that live in the
// address (#/audit?item=&actor=&kind=&from=&to=), verification, and an export of what matches.
// The node filters (GET /api/v1/audit/entries?item=&actor=&kind=&since=&until=&order=newest): the page
// asks for the newest matching entries, a page at a time, and draws at most SHOWN of them.
import { PATHS, get } from './api.js';
import { field, fill, h, label, problemBox, select, toast } from './ui.js';

const PAGE_SIZE = 1000;
/** Pages read at most for one view or one export (the node reads PAGE_SIZE entries a page). */
const MAX_PAGES = 50;
/** Rows drawn at most; the export carries every entry that matches. */
const SHOWN = 200;
/** The filters as the address names them. */
const FILTERS = ['item', 'actor', 'kind', 'from', 'to'];
/** The node's name for each: the address keeps the shorter from/to; the node's from is its cursor. */
const NODE_NAMES = { item: 'item', actor: 'actor', kind: 'kind', from: 'since', to: 'until' };
/** The kinds of entry the node writes (docs/audit-chain.md); the one in the address is offered too. */
const KINDS = ['AGREEMENT_ADDED', 'COMMUNITY_ADDED', 'CONSENT_ANSWERED', 'CONSENT_REQUESTED',
  'CO_ORIGINATOR_CONFIRMED', 'DECISION', 'DECISION_BATCH', 'DECISION_RECORDED', 'DECISION_SHOWN', 'HOLDING_ADDED',
  'ITEMS_IMPORTED', 'ITEM_ADDED', 'ITEM_BATCH_IMPORTED', 'ITEM_IMPORTED', 'KAS_REWRAP', 'LEDGER_APPENDED',
  'PARTY_ADDED', 'PEER_KAS_KEY_PINNED', 'PEER_KAS_KEY_ROTATED', 'PROVISIONS_ADDED', 'REGISTRY_IMPORTED', 'RELEASED',
  'TDF_KEY_CREATED', 'TDF_KEY_RETIRED', 'TDF_KEY_ROTATED', 'TIMELINE_EVENT_ADDED', 'TOKEN_ISSUED', 'TOKEN_REVOKED',
  'TRANSFER_AWAITING_CONSENT', 'TRANSFER_DELIVERED', 'TRANSFER_QUEUED', 'TRANSFER_RECEIVED', 'TRANSFER_REFUSED',
  'USER_CREATED', 'USER_DELETED', 'WITNESS_EVIDENCE'];

/** An instant in full, as the log has it, without the milliseconds: 2026-12-03 13:05:07Z. */
const instant = (text) => String(text || '').replace(/\.\d+Z$/, 'Z').replace('T', ' ');

/** The filters of the address as the node's query parameters. */
export function nodeFilters(filter) {
  return Object.fromEntries(FILTERS.filter((name) => filter[name]).map((name) => [NODE_NAMES[name], filter[name]]));
}

/**
 * Reads matching entries from the node, in the given order, until `enough` are read or the log ends
 * (at most MAX_PAGES pages). Says whether it stopped before the end.
 */
async function read(filter, order, enough) {
  const query = Object.assign(nodeFilters(filter), order === 'newest' ? { order } : {});
  let found = [];
  let from = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await get(PATHS.auditEntries(from, PAGE_SIZE, query));
    found = found.concat(data.entries || []);
    const end = data.next === null || data.next === undefined;
    if (end || found.length >= enough) {
      return { entries: found.slice(0, enough), more: found.length > enough || !end };
    }
    from = data.next;
  }
  return { entries: found.slice(0, enough), more: true };
}

export async function render(main, parts, params) {
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  const active = FILTERS.filter((name) => filter[name]);
  const verdict = h('div', { id: 'audit-verdict', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', id: 'audit-verify', class: 'primary' }, 'Verify the chain');
  const exportButton = h('button', { type: 'button', id: 'audit-export' }, active.length ? 'Export the entries that match' : 'Export every entry');
  const entries = h('div', { id: 'audit-entries' });

  const kinds = KINDS.includes(filter.kind) || !filter.kind ? KINDS : KINDS.concat([filter.kind]).sort();
  const inputs = {
    item: h('input', { type: 'text', id: 'audit-item', value: filter.item, spellcheck: 'false', placeholder: 'item or agreement id' }),
    actor: h('input', { type: 'text', id: 'audit-actor', value: filter.actor, spellcheck: 'false', placeholder: 'user name, user id or nation' }),
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

  fill(main, h('h1', {}, 'Audit'),
    h('p', {}, 'Every decision asked, consent, release and agreement change, hash-chained: each entry\'s hash covers the previous one.'),
    form,
    h('div', { class: 'row' }, verify, exportButton), verdict, entries);
  let shown;
  try {
    shown = await read(filter, 'newest', SHOWN);
  } catch (error) {
    // A filter the node refuses (a hand-edited address) is named in its problem: say so, keep the form.
    exportButton.disabled = true;
    fill(entries, problemBox(error));
    return;
  }
  const found = shown.entries;

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
    // Every matching entry as the node gave it (hashes and bodies included, so the file can be checked), oldest first.
    exportButton.disabled = true;
    try {
      const all = await read(filter, 'oldest', PAGE_SIZE * MAX_PAGES);
      const chosen = all.entries;
      const filename = `audit-entries${active.length ? '-filtered' : ''}.json`;
      const filters = Object.fromEntries(active.map((name) => [name, filter[name]]));
      offer(new Blob([JSON.stringify({ filters, count: chosen.length, complete: !all.more, entries: chosen }, null, 2)],
        { type: 'application/json' }), filename);
      const range = chosen.length
        ? `, #${chosen[0].seq} (${instant(chosen[0].at)}) to #${chosen[chosen.length - 1].seq} (${instant(chosen[chosen.length - 1].at)})` : '';
      const by = active.map((name) => `${name} ${filter[name]}`).join(', ');
      const said = `Wrote ${filename}: ${chosen.length} entr${chosen.length === 1 ? 'y' : 'ies'}${range}${active.length ? ', filtered by ' + by : ''}`
        + `${all.more ? ' (the first ' + chosen.length + ' only: narrow the filters for the rest)' : ''}.`;
      fill(verdict, h('p', { class: 'ok', id: 'audit-exported' }, said));
      toast(said);
    } catch (error) {
      fill(verdict, problemBox(error));
    } finally {
      exportButton.disabled = false;
    }
  });

  fill(entries, found.length ? h('table', { class: 'list', id: 'audit-table' },
    h('caption', {}, `${shown.more ? 'The latest ' + found.length : found.length} entr${found.length === 1 ? 'y' : 'ies'}${active.length ? ' matching the filters' : ''}, newest first`),
    h('thead', {}, h('tr', {}, ['#', 'When (UTC)', 'Who', 'What', 'On what', 'Details', 'Hash'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, found.map((entry) => h('tr', { 'data-seq': entry.seq, 'data-kind': entry.kind },
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
