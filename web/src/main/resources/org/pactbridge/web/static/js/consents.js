// Consents: for a disclosure officer, the inbox of requests addressed to the officer's party, answered by
// approving, refusing, or approving with conditions (expiry, downgrade, added caveat); for every holder,
// the requests they asked ("my requests") and those others of their nation asked. Only what the node would accept from this user is
// offered: answering is for the disclosure officer of the originator's nation (docs/server.md).
import { PATHS, get, post, session } from './api.js';
import { fill, h, label, levelNamer, levelsAt, problemBox, today, toast, when } from './ui.js';
import { conditionText, markingOf, stateOf, verdictSentence } from './items.js';

/** The rule the node applies to an added caveat (ConsentEndpoints in module server), said before anyone types. */
const CAVEAT_RULE = '1 to 64 characters: upper-case letters, digits, spaces and , / _ -';
const CAVEAT_PATTERN = /^[A-Z0-9 ,/_-]{1,64}$/;

export async function render(main) {
  const officer = session.has('disclosure-officer');
  const pendingBox = h('section', { id: 'consent-pending', 'aria-labelledby': 'pending-title' });
  const answeredBox = h('section', { id: 'consent-answered', 'aria-labelledby': 'answered-title' });
  const mineBox = h('section', { id: 'consent-mine', 'aria-labelledby': 'mine-title' });
  fill(main, h('h1', {}, officer ? 'Consent inbox' : 'My consent requests'),
    officer ? h('p', {}, 'Requests from holders to release your party\'s items onward. Each answer is recorded in the audit log.') : null,
    officer ? [pendingBox, answeredBox] : null, mineBox);
  const parties = await get(PATHS.parties()).then((data) => (Array.isArray(data) ? data : data.parties || [])).catch(() => []);
  const levelName = levelNamer(parties, today());

  async function refresh() {
    const me = session.user() || {};
    const all = await get(PATHS.consents('all'));
    const requests = Array.isArray(all) ? all : all.consents || [];
    // "My requests" are those this user asked (the node records who asked); those others of the nation
    // asked follow, with who asked (a request stored before the node kept the person names the nation only).
    const mine = requests.filter((request) => request.requestedBy && request.requestedBy.id === me.id);
    const nations = requests.filter((request) => request.requester === me.nationality && !mine.includes(request));
    fill(mineBox, h('h2', { id: 'mine-title' }, `My requests (${mine.length})`),
      mine.length ? requestTable('mine-table', 'Consent requests you asked, newest first', mine, levelName, false)
        : h('p', { id: 'mine-empty', class: 'muted' }, 'You have asked for no consent yet.'),
      nations.length ? [h('h3', { id: 'nation-title' }, `Asked by others of ${me.nationality} (${nations.length})`),
        requestTable('nation-table', `Consent requests others of ${me.nationality} asked, newest first`, nations, levelName, true)] : null);
    if (!officer) {
      return;
    }
    // The inbox holds what is addressed to the officer's nation.
    const addressed = requests.filter((request) => request.originator === me.nationality);
    const pending = addressed.filter((request) => stateOf(request) === 'PENDING');
    const answered = addressed.filter((request) => stateOf(request) !== 'PENDING');
    const cards = await Promise.all(pending.map((request) => card(request, refresh, parties, levelName)));
    fill(pendingBox, h('h2', { id: 'pending-title' }, `Waiting for an answer (${pending.length})`),
      pending.length ? cards : h('p', { id: 'inbox-empty' }, 'Nothing waiting.'));
    fill(answeredBox, h('h2', { id: 'answered-title' }, 'Answered'),
      answered.length ? h('ul', { class: 'plain' }, answered.map((request) => h('li', { 'data-consent': request.id },
        `${request.item}: ${request.requester} → ${request.recipient} — `, h('strong', {}, label(stateOf(request))),
        ` on ${when(request.answer.answeredAt)}`,
        (request.answer.conditions || []).length ? ` (${conditionText(request.answer.conditions, levelName)})` : ''))) : h('p', { class: 'muted' }, 'None yet.'));
  }
  await refresh();
}

/** Who asked: the user and their nation, or the nation alone for a request stored before the node kept the user. */
const asker = (request) => (request.requestedBy ? `${request.requestedBy.name} of ${request.requester}` : request.requester);

/** A table of consent requests with their state; `withAsker` adds who asked. */
function requestTable(id, caption, list, levelName, withAsker) {
  const columns = ['Item', 'To', 'Asked of'].concat(withAsker ? ['Asked by'] : [], ['Asked on', 'State', 'Conditions']);
  return h('table', { class: 'list', id },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, columns.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, list.slice().reverse().map((request) => h('tr', { 'data-consent': request.id, 'data-state': stateOf(request) },
      h('td', {}, h('a', { href: `#/items/${encodeURIComponent(request.item)}?to=${encodeURIComponent(request.recipient)}` }, request.item)),
      h('td', {}, request.recipient), h('td', {}, `${request.originator}'s disclosure officer`),
      withAsker ? h('td', {}, asker(request)) : null,
      h('td', {}, when(request.requestedAt)),
      h('td', {}, h('strong', {}, stateOf(request) === 'PENDING' ? 'waiting' : label(stateOf(request)))),
      h('td', {}, request.answer ? conditionText(request.answer.conditions, levelName) : '')))));
}

/** What the node would decide for the asked hop today, without the consent: the officer's "current decision". */
async function currentDecision(item, request) {
  try {
    const level = String(item.level || '');
    const body = { originator: item.originators || [], level: level.slice(level.indexOf(':') + 1), topics: item.topics || [],
      noforn: Boolean(item.noforn), orcon: Boolean(item.orcon), holder: request.requester, to: request.recipient };
    if ((item.relTo || []).length) {
      body.relTo = item.relTo;
    }
    return await post(PATHS.decisions(), body);
  } catch (error) {
    return null;
  }
}

async function card(request, refresh, parties, levelName) {
  const idPart = String(request.id).replace(/[^A-Za-z0-9_-]/g, '_');
  const item = await get(PATHS.item(request.item)).catch(() => null);
  const decision = item ? await currentDecision(item, request) : null;
  const originator = parties.find((party) => party.code === request.originator);
  // A downgrade goes to a lower level of the originator's own scheme: only those are offered.
  const itemRank = originator && item ? (levelsAt(originator, today()).find((level) => level.qualified === item.level) || {}).rank : undefined;
  const lower = originator ? levelsAt(originator, today()).filter((level) => level.rank > 0 && (itemRank === undefined || level.rank < itemRank)) : [];
  const expiry = h('input', { type: 'date', id: `c-${idPart}-expiry`, min: today() });
  const downgrade = h('select', { id: `c-${idPart}-downgrade`, class: 'downgrade' },
    h('option', { value: '' }, 'no downgrade'),
    lower.map((level) => h('option', { value: level.qualified }, levelName(level.qualified))));
  const caveat = h('input', { type: 'text', id: `c-${idPart}-caveat`, placeholder: 'NOT FOR FURTHER RELEASE', maxlength: 64,
    pattern: '[A-Z0-9 ,/_\\-]{1,64}', 'aria-describedby': `c-${idPart}-caveat-rule` });
  const result = h('div', { 'aria-live': 'polite', class: 'answer-area' });
  const subject = item && item.title ? `“${item.title}” (${request.item})` : request.item;

  const send = async (verdict, withConditions) => {
    const body = { verdict };
    if (withConditions) {
      if (expiry.value) {
        body.expiresAt = expiry.value;
      }
      if (downgrade.value) {
        body.downgradeTo = downgrade.value;
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
  // Approving and refusing cannot be taken back: each asks once more, in the page, before it is sent.
  const confirm = (verdict, withConditions) => {
    if (withConditions && caveat.value.trim() && !CAVEAT_PATTERN.test(caveat.value.trim())) {
      fill(result, h('p', { class: 'problem', role: 'alert' }, `The added caveat must be ${CAVEAT_RULE}.`));
      caveat.focus();
      return;
    }
    const conditions = withConditions ? [expiry.value ? `expiry ${expiry.value}` : null, downgrade.value ? `downgrade to ${levelName(downgrade.value)}` : null,
      caveat.value.trim() ? `added caveat ${caveat.value.trim()}` : null].filter(Boolean) : [];
    const question = verdict === 'GRANTED'
      ? `Approve the release of ${request.item} from ${request.requester} to ${request.recipient}${conditions.length ? ', with ' + conditions.join('; ') : ''}?`
      : `Refuse the release of ${request.item} from ${request.requester} to ${request.recipient}?`;
    const yes = h('button', { type: 'button', class: verdict === 'GRANTED' ? 'primary confirm-yes' : 'danger confirm-yes' },
      verdict === 'GRANTED' ? 'Yes, approve' : 'Yes, refuse');
    const no = h('button', { type: 'button', class: 'confirm-no' }, 'Cancel');
    yes.addEventListener('click', () => {
      yes.disabled = true;
      send(verdict, withConditions);
    });
    no.addEventListener('click', () => fill(result));
    fill(result, h('div', { class: 'confirm', role: 'group', 'aria-label': 'Confirm the answer' }, h('p', { class: 'confirm-question' }, question), h('div', { class: 'row' }, yes, no)));
    yes.focus();
  };

  return h('article', { class: 'card consent', 'data-consent': request.id, 'aria-labelledby': `c-${idPart}-title` },
    h('h3', { id: `c-${idPart}-title` }, `${request.requester} asks: may ${subject} go to ${request.recipient}?`),
    item ? h('dl', { class: 'facts' },
      h('dt', {}, 'Marking'), h('dd', {}, h('code', { class: 'consent-marking' }, markingOf(item))),
      h('dt', {}, 'Level'), h('dd', { class: 'consent-level' }, levelName(item.level)),
      h('dt', {}, 'Topics'), h('dd', { class: 'consent-topics' }, (item.topics || []).length ? item.topics.join(', ') : 'none'),
      h('dt', {}, 'Asked'), h('dd', { class: 'consent-asked' }, `${when(request.requestedAt)}, by ${asker(request)}, which holds a copy`))
      : h('p', { class: 'muted' }, 'You may not see this item\'s details (clearance or need-to-know).'),
    decision && decision.decision ? h('p', { class: `outcome outcome-${decision.decision.toLowerCase().replace(/_/g, '-')} consent-decision` },
      h('strong', {}, 'Now, without your answer: '), verdictSentence(decision, request.item, request.recipient, levelName, 'now')) : null,
    h('p', {}, h('a', { href: `#/items/${encodeURIComponent(request.item)}?to=${encodeURIComponent(request.recipient)}` }, `Open ${request.item}`)),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'primary approve', onclick: () => confirm('GRANTED', false) }, 'Approve'),
      h('button', { type: 'button', class: 'danger refuse', onclick: () => confirm('REFUSED', false) }, 'Refuse')),
    h('details', {}, h('summary', {}, 'Approve with conditions'),
      h('div', { class: 'row' },
        h('div', { class: 'field' }, h('label', { for: expiry.id }, 'Expires on'), expiry),
        h('div', { class: 'field' }, h('label', { for: downgrade.id }, 'Downgrade to'), downgrade),
        h('div', { class: 'field' }, h('label', { for: caveat.id }, 'Added caveat'),
          h('small', { id: `c-${idPart}-caveat-rule`, class: 'hint' }, CAVEAT_RULE), caveat)),
      h('button', { type: 'button', class: 'approve-conditions', onclick: () => confirm('GRANTED', true) }, 'Approve with these conditions')),
    result);
}
