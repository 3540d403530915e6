// The consent inbox of a disclosure officer: requests addressed to the officer's party, answered by
// approving, refusing, or approving with conditions (expiry, downgrade, added caveat).
import { PATHS, get, post, session } from './api.js';
import { fill, h, label, problemBox, toast, when } from './ui.js';
import { stateOf } from './items.js';

export async function render(main) {
  const pendingBox = h('section', { id: 'consent-pending', 'aria-labelledby': 'pending-title' });
  const answeredBox = h('section', { id: 'consent-answered', 'aria-labelledby': 'answered-title' });
  fill(main, h('h1', {}, 'Consent inbox'),
    h('p', {}, 'Requests from holders to release your party\'s items onward. Each answer is recorded in the audit log.'),
    pendingBox, answeredBox);

  async function refresh() {
    const me = session.user() || {};
    const all = await get(PATHS.consents('all'));
    const requests = Array.isArray(all) ? all : all.consents || [];
    // The inbox holds what is addressed to the officer's nation; what it asked itself shows on the item.
    const addressed = requests.filter((request) => request.originator === me.nationality);
    const pending = addressed.filter((request) => stateOf(request) === 'PENDING');
    const answered = addressed.filter((request) => stateOf(request) !== 'PENDING');
    fill(pendingBox, h('h2', { id: 'pending-title' }, `Waiting for an answer (${pending.length})`),
      pending.length ? pending.map((request) => card(request, refresh)) : h('p', { id: 'inbox-empty' }, 'Nothing waiting.'));
    fill(answeredBox, h('h2', { id: 'answered-title' }, 'Answered'),
      answered.length ? h('ul', { class: 'plain' }, answered.map((request) => h('li', { 'data-consent': request.id },
        `${request.item}: ${request.requester} → ${request.recipient} — `, h('strong', {}, label(stateOf(request))),
        ` on ${when(request.answer.answeredAt)}`,
        (request.answer.conditions || []).length ? ` (${request.answer.conditions.map((condition) => `${label(condition.kind)} ${condition.kind === 'EXPIRY' ? when(condition.value) : condition.value}`).join('; ')})` : ''))) : h('p', { class: 'muted' }, 'None yet.'));
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
    const body = { verdict };
    if (withConditions) {
      if (expiry.value) {
        body.expiresAt = expiry.value;
      }
      if (downgrade.value.trim()) {
        body.downgradeTo = downgrade.value.trim();
      }
      if (caveat.value.trim()) {
        body.addCaveat = caveat.value.trim();
      }
    }
    try {
      await post(PATHS.consentAnswer(request.id), body);
      toast(`${request.item} to ${request.recipient}: ${verdict === 'GRANTED' ? 'approved' : 'refused'}`);
      await refresh();
    } catch (error) {
      fill(result, problemBox(error));
    }
  };
  return h('article', { class: 'card consent', 'data-consent': request.id, 'aria-labelledby': `c-${idPart}-title` },
    h('h3', { id: `c-${idPart}-title` }, `${request.requester} asks: may item ${request.item} go to ${request.recipient}?`),
    h('p', {}, 'Item ', h('a', { href: `#/items/${encodeURIComponent(request.item)}?to=${encodeURIComponent(request.recipient)}` }, request.item),
      `, held by ${request.requester}; asked ${when(request.requestedAt)}.`),
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
