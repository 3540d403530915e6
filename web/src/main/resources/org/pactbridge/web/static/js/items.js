// Items: what the signed-in user may see, registering one, and a decision explained as the chain of
// rules and agreements, with the routes when direct release fails, asking for consent, and releasing.
import { PATHS, get, post, session } from './api.js';
import { day, field, fill, h, label, levelNamer, levelsAt, listing, problemBox, select, toast, today, when } from './ui.js';

const originatorsOf = (item) => item.originators || (item.originator ? [item.originator] : []);
const listOf = (data, key) => (Array.isArray(data) ? data : (data && data[key]) || []);

/** The item's marking as registered, or, for an item registered field by field, the same fields in a marking's order. */
export function markingOf(item) {
  if (item.marking) {
    return item.marking;
  }
  const parts = [item.level || ''];
  if (item.noforn) {
    parts.push('NOFORN');
  } else if ((item.relTo || []).length) {
    parts.push(`REL TO ${item.relTo.join(', ')}`);
  }
  if (item.orcon) {
    parts.push('ORCON');
  }
  return parts.join('//');
}

/** A consent request's state: PENDING until answered, then the verdict (GRANTED or REFUSED). */
export const stateOf = (request) => (request.answer ? request.answer.verdict : 'PENDING');

/** Items shown on one page of the list. */
export const PAGE = 100;

export async function render(main, parts, params) {
  if (parts.length > 0) {
    return renderItem(main, parts[0], params);
  }
  const parties = listOf(await get(PATHS.parties()), 'parties');
  // The search words stay in the page, not in the address: a title may say what an item is about, and
  // the node answers the search as a POST for the same reason.
  const query = h('input', { type: 'search', id: 'item-search', maxlength: 200, spellcheck: 'false', placeholder: 'words in a title' });
  const searchForm = h('form', { id: 'item-search-form', class: 'controls', role: 'search' },
    field('Title contains', query), h('button', { type: 'submit', id: 'item-search-submit' }, 'Search'));
  const listArea = h('section', { id: 'item-list-area', 'aria-live': 'polite' });
  const state = { query: '', offset: 0 };
  async function show() {
    try {
      // One more than a page: whether it comes back says whether there is a next page.
      const found = listOf(await post(PATHS.itemSearch(), { query: state.query, offset: state.offset, limit: PAGE + 1 }), 'items');
      fill(listArea, itemTable(found.slice(0, PAGE), state, found.length > PAGE, (offset) => {
        state.offset = offset;
        show();
      }));
    } catch (error) {
      fill(listArea, problemBox(error));
    }
  }
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = query.value.trim();
    state.offset = 0;
    show();
  });
  fill(main, h('h1', {}, 'Items'), searchForm, listArea,
    session.has('originator') ? registerForm(parties) : null);
  await show();
}

/** One page of items, with a pager when there is more than one page. */
function itemTable(list, state, more, goTo) {
  if (!list.length) {
    return h('p', { id: 'item-list-empty' }, state.query
      ? `No item you may see has a title containing “${state.query}”${state.offset ? ' on this page' : ''}.`
      : state.offset ? 'No more items.' : 'No items you may see yet.');
  }
  const first = state.offset + 1;
  const last = state.offset + list.length;
  const pager = h('nav', { class: 'row pager', id: 'item-pager', 'aria-label': 'Pages of items' },
    h('button', { type: 'button', id: 'item-prev', disabled: state.offset === 0 }, '← Previous'),
    h('span', { id: 'item-range' }, `Items ${first}–${last}`),
    h('button', { type: 'button', id: 'item-next', disabled: !more }, 'Next →'));
  pager.querySelector('#item-prev').addEventListener('click', () => goTo(Math.max(0, state.offset - PAGE)));
  pager.querySelector('#item-next').addEventListener('click', () => goTo(state.offset + PAGE));
  return [h('table', { class: 'list', id: 'item-list' },
    h('caption', {}, state.query ? `Items you may see whose title contains “${state.query}”` : 'Items you may see'),
    h('thead', {}, h('tr', {}, ['Item', 'Title', 'Marking', 'Originator', 'Level', 'Topics', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, list.map((item) => h('tr', { 'data-item': item.id },
      h('td', {}, h('a', { href: `#/items/${encodeURIComponent(item.id)}` }, item.id)),
      h('td', { class: 'title' }, item.title || ''),
      h('td', {}, h('code', {}, item.marking || '')),
      h('td', {}, originatorsOf(item).join(', ')),
      h('td', {}, item.level || ''),
      h('td', {}, (item.topics || []).join(', ')),
      h('td', {}, when(item.created)))))),
  (state.offset > 0 || more) ? pager : null];
}

function registerForm(parties) {
  const user = session.user() || {};
  const nation = user.nationality;
  const party = parties.find((candidate) => candidate.code === nation) || { code: nation, levels: [] };
  const level = select({ id: 'reg-level', name: 'level' }, levelsAt(party, today()).filter((entry) => entry.code !== 'UNCLASSIFIED')
    .map((entry) => [entry.code, `${entry.code}${entry.nativeName ? ' — ' + entry.nativeName : ''}${entry.englishName ? ' (' + entry.englishName + ')' : ''}`]));
  const relTo = h('input', { type: 'text', id: 'reg-relto', name: 'relTo', placeholder: 'USA, JPN', spellcheck: 'false' });
  const noforn = h('input', { type: 'checkbox', id: 'reg-noforn' });
  const orcon = h('input', { type: 'checkbox', id: 'reg-orcon' });
  const topics = h('input', { type: 'text', id: 'reg-topics', placeholder: 'dprk-missile', spellcheck: 'false' });
  const marking = h('input', { type: 'text', id: 'reg-marking', placeholder: `//${nation} …//REL TO USA, JPN`, spellcheck: 'false' });
  const declassify = h('input', { type: 'date', id: 'reg-declassify' });
  const title = h('input', { type: 'text', id: 'reg-title', maxlength: 200 });
  const content = h('textarea', { id: 'reg-content', rows: 5, required: true });
  const result = h('div', { id: 'reg-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'register-form', class: 'card' },
    h('h2', {}, `Register an item that ${nation} originates`),
    h('fieldset', {}, h('legend', {}, 'Label'),
      field('Level', level),
      field('REL TO (parties or communities)', relTo, 'leave empty for no REL TO list'),
      h('div', { class: 'row' },
        h('label', { class: 'check' }, noforn, ' NOFORN'),
        h('label', { class: 'check' }, orcon, ' ORCON (every dissemination needs the originator\'s approval)')),
      field('…or a whole marking', marking, 'when given, it replaces the fields above; the node rejects a field that contradicts it')),
    field('Title (optional)', title, 'protected like the content: only those who may see the item see or find it'),
    field('Topics (comma-separated)', topics),
    field('Declassify on (optional)', declassify),
    field('Content', content, 'stored encrypted; never shown to anyone who may not see the item'),
    h('button', { type: 'submit', class: 'primary', id: 'reg-submit' }, 'Register'),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { content: content.value, topics: splitList(topics.value) };
    if (title.value.trim()) {
      body.title = title.value.trim();
    }
    if (marking.value.trim()) {
      body.marking = marking.value.trim();
    } else {
      Object.assign(body, { originator: [nation], level: level.value, noforn: noforn.checked, orcon: orcon.checked });
      if (relTo.value.trim()) {
        body.relTo = splitList(relTo.value);
      }
    }
    if (declassify.value) {
      body.declassifyOn = declassify.value;
    }
    try {
      const item = await post(PATHS.items(), body);
      toast(`Registered ${item.id}`);
      location.hash = `#/items/${encodeURIComponent(item.id)}`;
    } catch (error) {
      fill(result, problemBox(error));
    }
  });
  return form;
}

const splitList = (text) => text.split(',').map((part) => part.trim()).filter(Boolean);

async function renderItem(main, id, params) {
  const [item, partyData] = await Promise.all([get(PATHS.item(id)), get(PATHS.parties())]);
  const partyList = listOf(partyData, 'parties');
  const parties = partyList.map((party) => party.code);
  const user = session.user() || {};
  const to = select({ id: 'dec-to' }, parties, params.get('to') || (parties.includes('JPN') ? 'JPN' : parties[0]));
  const at = h('input', { type: 'date', id: 'dec-at', value: params.get('at') || today() });
  const decision = h('section', { id: 'decision', 'aria-live': 'polite', tabindex: '-1' });
  const consentList = h('section', { id: 'item-consents' });
  const topics = item.topics || [];
  // The caller's nation holds the copy it sees; an originator holding its own item asks no one.
  const ownItem = originatorsOf(item).includes(user.nationality);
  fill(main,
    h('p', {}, h('a', { href: '#/items' }, '← Items')),
    h('h1', { id: 'item-title' }, `${item.id} `, h('code', { id: 'item-marking' }, markingOf(item))),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Item'), h('dd', { id: 'item-id' }, item.id),
      item.title ? [h('dt', {}, 'Title'), h('dd', { id: 'item-name' }, item.title)] : null,
      h('dt', {}, 'Originator'), h('dd', {}, originatorsOf(item).join(', ')),
      h('dt', {}, 'Level'), h('dd', { id: 'item-level' }, levelNamer(partyList, today())(item.level)),
      h('dt', {}, 'Held here by'), h('dd', {}, user.nationality || ''),
      h('dt', {}, 'Releasability'), h('dd', {}, item.noforn ? 'NOFORN' : item.relTo && item.relTo.length ? `REL TO ${item.relTo.join(', ')}` : 'no REL TO list'),
      item.orcon ? [h('dt', {}, 'Caveat'), h('dd', {}, 'ORCON')] : null,
      h('dt', {}, 'Topics'), h('dd', {}, topics.length ? topics.join(', ') : 'none'),
      h('dt', {}, 'Created'), h('dd', {}, when(item.created)),
      item.declassifyOn ? [h('dt', {}, 'Declassify on'), h('dd', {}, when(item.declassifyOn))] : null),
    item.content !== undefined && item.content !== null
      ? [h('h2', {}, 'Content'), h('pre', { class: 'content', id: 'item-content', lang: 'und' }, item.content)] : null,
    h('form', { id: 'decision-form', class: 'controls' },
      h('h2', { class: 'inline' }, 'May it go to…'),
      field('Recipient', to), field('At', at),
      h('button', { type: 'submit', class: 'primary', id: 'dec-submit' }, 'Decide')),
    decision,
    consentList);

  let asked = 0;
  async function decide() {
    // Only the answer to the latest question is shown: an earlier one that comes back late is dropped.
    const mine = ++asked;
    const recipient = to.value;
    const date = at.value;
    // The question asked lives in the address (#/items/ID?to=PARTY&at=DATE): the view can be shared.
    const hash = `#/items/${encodeURIComponent(item.id)}?${new URLSearchParams({ to: recipient, at: date })}`;
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
    try {
      // Looking is not deciding: the node shows the answer (one DECISION_SHOWN entry for this view) and
      // records no decision; a release ("Release now") is recorded.
      const [answer, requests] = await Promise.all([post(PATHS.itemDecisions(item.id), { to: recipient, at: date, record: false }),
        consentsOfItem()]);
      if (mine !== asked) {
        return;
      }
      const waiting = requests.find((request) => request.recipient === recipient && stateOf(request) === 'PENDING');
      const levelName = levelNamer(partyList, date || today());
      const context = { item, to: recipient, at: date, again: decide, waiting, ownItem, levelName };
      fill(decision, explain(answer.decision || answer, answer, context));
      decision.dataset.outcome = (answer.decision || answer).decision;
      showConsents(requests);
    } catch (error) {
      if (mine === asked) {
        fill(decision, problemBox(error));
      }
    }
  }

  async function consentsOfItem() {
    try {
      return listOf(await get(PATHS.consents('all')), 'consents').filter((request) => request.item === item.id);
    } catch (error) {
      return [];
    }
  }

  function showConsents(requests) {
    fill(consentList, requests.length ? [h('h2', {}, 'Consent requests for this item'),
      h('ul', { class: 'plain' }, requests.map((request) => h('li', { 'data-consent': request.id, 'data-state': stateOf(request) },
        `${request.requester} → ${request.recipient}, asked of ${request.originator} on ${when(request.requestedAt)} — `,
        h('strong', {}, label(stateOf(request))),
        request.answer && request.answer.conditions && request.answer.conditions.length
          ? ` (${conditionText(request.answer.conditions, levelNamer(partyList, today()))})` : '')))] : []);
  }

  main.querySelector('#decision-form').addEventListener('submit', (event) => {
    event.preventDefault();
    decide();
  });
  await decide();
}

const RULES = {
  1: 'the recipient is the originator',
  2: 'unclassified or declassified',
  3: 'releasability (REL TO, NOFORN)',
  4: 'an information agreement in force covers level and topics',
  5: 'third-party rule: the originator\'s consent',
  6: 'the recipient user: nationality, clearance, need-to-know',
};

/** Reasons that do not stop a release but that an officer must weigh: shown as cautions, not as information. */
export const CAUTIONS = ['TERMINATION_PENDING', 'ASSUMED_PROVISION', 'STATUS_UNKNOWN'];

const kindOf = (reason) => (CAUTIONS.includes(reason.code) ? 'caution' : String(reason.effect || 'INFO').toLowerCase());

/** What the consent's conditions say, in words: "expiry 2030-01-01; downgrade to KOR:III 군사 III급 비밀". */
export function conditionText(conditions, levelName) {
  return (conditions || []).map((condition) => {
    if (condition.kind === 'EXPIRY') {
      return `expiry ${when(condition.value)}`;
    }
    if (condition.kind === 'DOWNGRADE') {
      return `downgrade to ${levelName ? levelName(condition.value) : condition.value}`;
    }
    return `${label(condition.kind)} ${condition.value}`;
  }).join('; ');
}

/**
 * The verdict as one sentence: what may happen, under which agreement, at which level in the recipient's
 * scheme, and what is needed. CONSENT_REQUIRED means the direct release is lawful once someone consents,
 * so it never speaks of routes.
 */
export function verdictSentence(result, subject, to, levelName, dateText) {
  const date = dateText || `at ${when(result.at)}`;
  const under = (result.agreements || []).length ? ` under ${listing(result.agreements)}` : '';
  const protectedAs = result.recipientLevel ? `, where ${to} protects it as ${levelName(result.recipientLevel)}` : '';
  if (result.decision === 'PERMIT') {
    return `${subject} may go to ${to} ${date}${under}${protectedAs}.`;
  }
  if (result.decision === 'CONSENT_REQUIRED') {
    const needs = result.consentsRequired || [];
    const who = listing([...new Set(needs.map((need) => need.from))].map((party) => `${party}'s disclosure officer`));
    const orcon = needs.some((need) => need.orcon) ? ' (ORCON: this release needs its own approval)' : '';
    return `${subject} may go to ${to} ${date}${under}${protectedAs}, once ${who || 'the originator'} consents${orcon}.`;
  }
  const stop = (result.reasons || []).find((reason) => reason.effect === 'DENY');
  const routes = (result.routes || []).length;
  return `${subject} may not go to ${to} ${date}${stop ? ': ' + stop.message : ''}.`
    + (routes ? ` ${routes === 1 ? 'One lawful route reaches' : routes + ' lawful routes reach'} ${to} another way (below).` : '');
}

/** The chain of rules: each rule named once, its reasons under it; cautions marked as such. */
function chainOf(reasons, at, levelName) {
  const groups = [];
  for (const reason of reasons) {
    const last = groups[groups.length - 1];
    if (last && last.rule === reason.rule) {
      last.reasons.push(reason);
    } else {
      groups.push({ rule: reason.rule, reasons: [reason] });
    }
  }
  return h('div', { class: 'chain', id: 'decision-chain' }, groups.map((group) => h('section', { class: 'rule-group', 'data-rule': group.rule },
    h('h4', {}, group.rule ? `Rule ${group.rule}${RULES[group.rule] ? ': ' + RULES[group.rule] : ''}` : 'Other'),
    h('ol', {}, group.reasons.map((reason) => h('li', { class: `effect-${kindOf(reason)}`, 'data-code': reason.code },
      h('span', { class: 'badge' }, kindOf(reason) === 'caution' ? 'CAUTION' : reason.effect || 'INFO'), ' ',
      reason.message,
      reason.level ? ` (${levelName(reason.level)})` : '',
      reason.agreement ? [' ', h('a', { href: `#/network?at=${day(at)}&agreement=${encodeURIComponent(reason.agreement)}` }, reason.agreement)] : null,
      ' ', h('code', { class: 'muted' }, reason.code)))))));
}

function explain(result, answer, context) {
  const { item, to, at, again, waiting, ownItem, levelName } = context;
  const outcome = result.decision;
  const reasons = result.reasons || [];
  const conditions = (answer && answer.conditions) || [];
  const cautions = reasons.filter((reason) => CAUTIONS.includes(reason.code));
  const needs = (result.consentsRequired || []).map((need) => h('li', {},
    `${need.from}'s consent for the hop ${need.hopFrom} → ${need.hopTo}${need.orcon ? ' (ORCON: this release needs its own consent)' : ''}`));
  const routes = (result.routes || []).map((route, index) => h('li', { 'data-route': index },
    h('span', {}, route.hops.map((hop) => hop.from).concat(route.hops.slice(-1).map((hop) => hop.to)).join(' → ')),
    ' ', route.sanctionedBy ? h('span', { class: 'badge ok' }, `sanctioned by ${route.sanctionedBy}`) : h('span', { class: 'badge' }, 'ad hoc'),
    h('ul', {}, route.hops.map((hop) => h('li', {}, `${hop.from} → ${hop.to} under `,
      h('a', { href: `#/network?at=${day(at)}&agreement=${encodeURIComponent(hop.agreement)}` }, hop.agreement),
      ` at ${levelName(hop.level)}`, hop.assumed ? [' ', h('span', { class: 'badge caution' }, 'assumed provision')] : null))),
    route.consents && route.consents.length ? h('p', {}, `Needs consent from ${route.consents.join(', ')}.`) : null));
  const actions = h('div', { id: 'consent-ask', class: 'row' });
  if (waiting) {
    fill(actions, h('p', { id: 'consent-sent', class: 'ok' },
      `Consent was asked of ${waiting.originator}'s disclosure officer on ${when(waiting.requestedAt)}: waiting for an answer.`));
  }
  // Only what the node would accept from this user: asking is for holders (every role that reaches this
  // page), releasing for originators and disclosure officers (docs/server.md, RoleMatrixTest).
  const canAsk = !waiting && !ownItem && (outcome === 'CONSENT_REQUIRED'
    || (outcome === 'DENY' && (result.routes || []).some((route) => (route.consents || []).length)));
  if (canAsk) {
    const askButton = h('button', { type: 'button', id: 'ask-consent', class: 'primary' }, `Ask ${originatorsOf(item).join(', ')} for consent`);
    askButton.addEventListener('click', async () => {
      askButton.disabled = true;
      try {
        const created = await post(PATHS.consents(), { item: item.id, to });
        const requests = listOf(created, 'requests');
        toast(`Consent asked of ${requests.map((request) => request.originator).join(', ') || originatorsOf(item).join(', ')}`);
        await again();
      } catch (error) {
        askButton.disabled = false;
        actions.append(problemBox(error));
      }
    });
    actions.append(askButton);
  }
  if (outcome === 'PERMIT' && day(at) === today() && mayRelease()) {
    const releaseButton = h('button', { type: 'button', id: 'release', class: 'primary' }, `Release to ${to} now`);
    releaseButton.addEventListener('click', async () => {
      releaseButton.disabled = true;
      try {
        const done = await post(PATHS.itemReleases(item.id), { to });
        fill(actions, h('p', { id: 'released', class: done.released ? 'ok' : 'problem' },
          done.released ? `Released to ${to}; the release is in the audit log.` : `Not released: ${label((done.decision || {}).decision)}`));
      } catch (error) {
        releaseButton.disabled = false;
        actions.append(problemBox(error));
      }
    });
    actions.append(releaseButton);
  } else if (outcome === 'PERMIT' && day(at) === today()) {
    actions.append(h('p', { id: 'release-by', class: 'muted' }, 'An originator or a disclosure officer of your nation releases it.'));
  }
  // The marking the node would record the recipient's copy under: its level, then each caveat a consent added.
  const marking = (answer && answer.recipientMarking) || '';
  return [
    h('h2', {}, 'Decision'),
    h('p', { class: `outcome outcome-${outcome.toLowerCase().replace(/_/g, '-')}`, id: 'decision-outcome' },
      h('strong', {}, label(outcome).toUpperCase()), ' ', h('span', { id: 'decision-sentence' }, verdictSentence(result, item.id, to, levelName))),
    cautions.length ? h('div', { class: 'caution-box', id: 'decision-cautions', role: 'note' }, h('strong', {}, 'Caution'),
      h('ul', {}, cautions.map((reason) => h('li', { 'data-code': reason.code }, reason.message))))
      : null,
    conditions.length ? h('p', { id: 'decision-conditions' }, 'Under the consent\'s conditions: ', conditionText(conditions, levelName)) : null,
    marking && outcome !== 'DENY' ? h('p', { id: 'decision-marking' }, `${to} would hold it marked `, h('code', { id: 'recipient-marking' }, marking),
      result.recipientLevel ? ` (${levelName(result.recipientLevel)})` : '') : null,
    needs.length ? [h('h3', {}, 'Consent needed'), h('ul', {}, needs)] : null,
    actions,
    outcome === 'DENY' ? [h('h3', {}, 'Routes that would work'),
      routes.length ? h('ol', { class: 'routes', id: 'decision-routes' }, routes) : h('p', { id: 'no-routes' }, 'No lawful route reaches the recipient.')] : null,
    h('h3', {}, 'Why: the chain of rules'),
    reasons.length ? chainOf(reasons, at, levelName) : h('p', { class: 'muted' }, 'No reasons given.'),
  ];
}

/** Releasing is for originators and disclosure officers: the node refuses it to anyone else (403). */
export const mayRelease = () => session.has('originator', 'disclosure-officer');
