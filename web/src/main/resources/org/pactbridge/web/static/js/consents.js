// The consent inbox of a disclosure officer: requests addressed to the officer's party, answered by
// approving, refusing, or approving with conditions (expiry, downgrade, added caveat).
import { PATHS, get, post } from './api.js';
import { fill, h, label, problemBox, toast, when } from './ui.js';

export async function render(main) {
  const pendingBox = h('section', { id: 'consent-pending', 'aria-labelledby': 'pending-title' });
  const answeredBox = h('section', { id: 'consent-answered', 'aria-labelledby': 'answered-title' });
  fill(main, h('h1', {}, 'Consent inbox'),
    h('p', {}, 'Requests from holders to release your party\'s items onward. Each answer is recorded in the audit log.'),
    pendingBox, answeredBox);

  async function refresh() {
    const [pendingData, answeredData] = await Promise.all([get(PATHS.consents({ state: 'PENDING' })), get(PATHS.consents({ state: 'ANSWERED' }))]);
    const pending = Array.isArray(pendingData) ? pendingData : pendingData.consents || [];
    const answered = Array.isArray(answeredData) ? answeredData : answeredData.consents || [];
    fill(pendingBox, h('h2', { id: 'pending-title' }, `Waiting for an answer (${pending.length})`),
      pending.length ? pending.map((request) => card(request, refresh)) : h('p', { id: 'inbox-empty' }, 'Nothing waiting.'));
    fill(answeredBox, h('h2', { id: 'answered-title' }, 'Answered'),
      answered.length ? h('ul', { class: 'plain' }, answered.map((request) => h('li', { 'data-consent': request.id },
        `${request.id}: ${request.item} to ${request.recipient} — `, h('strong', {}, label(request.state)),
        request.answeredAt ? ` on ${when(request.answeredAt)}` : ''))) : h('p', { class: 'muted' }, 'None yet.'));
  }
  await refresh();
}

function card(request, refresh) {
  const idPart = String(request.id).replace(/[^A-Za-z0-9_-]/g, '_');
  const expiry = h('input', { type: 'date', id: `c-${idPart}-expiry` });
  const downgrade = h('input', { type: 'text', id: `c-${idPart}-downgrade`, placeholder: 'KOR:III', spellcheck: 'false' });
  const caveat = h('input', { type: 'text', id: `c-${idPart}-caveat`, placeholder: 'NOT FOR FURTHER RELEASE' });
  const result = h('div', { 'aria-live': 'polite' });
  const answer = async (verdict, withConditions) => {
    const conditions = [];
    if (withConditions) {
      if (expiry.value) {
        conditions.push({ kind: 'EXPIRY', value: `${expiry.value}T00:00:00Z` });
      }
      if (downgrade.value.trim()) {
        conditions.push({ kind: 'DOWNGRADE', value: downgrade.value.trim() });
      }
      if (caveat.value.trim()) {
        conditions.push({ kind: 'ADDED_CAVEAT', value: caveat.value.trim() });
      }
    }
    try {
      await post(PATHS.consentAnswer(request.id), { verdict, conditions });
      toast(`${request.id}: ${verdict === 'GRANTED' ? 'approved' : 'refused'}`);
      await refresh();
    } catch (error) {
      fill(result, problemBox(error));
    }
  };
  return h('article', { class: 'card consent', 'data-consent': request.id, 'aria-labelledby': `c-${idPart}-title` },
    h('h3', { id: `c-${idPart}-title` }, `${request.id}: `, request.title ? h('span', { lang: 'und' }, request.title) : request.item),
    h('p', {}, `${request.requester} asks to release item `, h('a', { href: `#/items/${encodeURIComponent(request.item)}?to=${encodeURIComponent(request.recipient)}` }, request.item),
      ` to ${request.recipient}${request.marking ? ' (' + request.marking + ')' : ''}, asked ${when(request.requestedAt)}.`),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary approve', onclick: () => answer('GRANTED', false) }, 'Approve'),
      h('button', { type: 'button', class: 'danger refuse', onclick: () => answer('REFUSED', false) }, 'Refuse')),
    h('details', {}, h('summary', {}, 'Approve with conditions'),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: expiry.id }, 'Expires on'), expiry),
        h('div', { class: 'field' }, h('label', { for: downgrade.id }, 'Downgrade to'), downgrade),
        h('div', { class: 'field' }, h('label', { for: caveat.id }, 'Added caveat'), caveat)),
      h('button', { type: 'button', class: 'approve-conditions', onclick: () => answer('GRANTED', true) }, 'Approve with these conditions')),
    result);
}
