// Items: what the signed-in user may see, registering one, and a decision explained as the chain of
// rules and agreements, with the routes when direct release fails, asking for consent, and releasing.
import { PATHS, get, post, session } from './api.js';
import { field, fill, h, label, levelsAt, problemBox, select, toast, today, when } from './ui.js';

const originatorsOf = (item) => item.originators || (item.originator ? [item.originator] : []);
const listOf = (data, key) => (Array.isArray(data) ? data : (data && data[key]) || []);

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
  const parties = listOf(partyData, 'parties').map((party) => party.code);
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
    h('h1', { id: 'item-title' }, `${item.id} `, h('code', { id: 'item-marking' }, item.marking || item.level || '')),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Item'), h('dd', { id: 'item-id' }, item.id),
      item.title ? [h('dt', {}, 'Title'), h('dd', { id: 'item-name' }, item.title)] : null,
      h('dt', {}, 'Originator'), h('dd', {}, originatorsOf(item).join(', ')),
      h('dt', {}, 'Level'), h('dd', {}, item.level || ''),
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
    try {
      const [answer, requests] = await Promise.all([post(PATHS.itemDecisions(item.id), { to: recipient, at: date }), consentsOfItem()]);
      if (mine !== asked) {
        return;
      }
      const waiting = requests.find((request) => request.recipient === recipient && stateOf(request) === 'PENDING');
      const context = { item, to: recipient, at: date, again: decide, waiting, ownItem };
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
          ? ` (${request.answer.conditions.map((condition) => `${label(condition.kind)} ${condition.kind === 'EXPIRY' ? when(condition.value) : condition.value}`).join('; ')})` : '')))] : []);
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

function explain(result, answer, context) {
  const { item, to, at, again, waiting, ownItem } = context;
  const outcome = result.decision;
  const reasons = result.reasons || [];
  const chain = h('ol', { class: 'chain', id: 'decision-chain' }, reasons.map((reason) => h('li', { class: `effect-${String(reason.effect || 'INFO').toLowerCase()}`, 'data-code': reason.code },
    h('span', { class: 'badge' }, reason.effect || 'INFO'), ' ',
    reason.rule ? h('span', { class: 'rule' }, `rule ${reason.rule}${RULES[reason.rule] ? ' (' + RULES[reason.rule] + ')' : ''}: `) : null,
    h('code', {}, reason.code), ' — ', reason.message,
    reason.agreement ? [' ', h('a', { href: `#/network?at=${at}&agreement=${encodeURIComponent(reason.agreement)}` }, reason.agreement)] : null)));
  const needs = (result.consentsRequired || []).map((need) => h('li', {},
    `${need.from}'s consent for the hop ${need.hopFrom} → ${need.hopTo}${need.orcon ? ' (ORCON: this release needs its own consent)' : ''}`));
  const routes = (result.routes || []).map((route, index) => h('li', { 'data-route': index },
    h('span', {}, route.hops.map((hop) => hop.from).concat(route.hops.slice(-1).map((hop) => hop.to)).join(' → ')),
    ' ', route.sanctionedBy ? h('span', { class: 'badge ok' }, `sanctioned by ${route.sanctionedBy}`) : h('span', { class: 'badge' }, 'ad hoc'),
    h('ul', {}, route.hops.map((hop) => h('li', {}, `${hop.from} → ${hop.to} under `,
      h('a', { href: `#/network?at=${at}&agreement=${encodeURIComponent(hop.agreement)}` }, hop.agreement),
      ` at ${hop.level}${hop.assumed ? ' (assumed provision)' : ''}`))),
    route.consents && route.consents.length ? h('p', {}, `Needs consent from ${route.consents.join(', ')}.`) : null));
  const actions = h('div', { id: 'consent-ask', class: 'row' });
  if (waiting) {
    fill(actions, h('p', { id: 'consent-sent', class: 'ok' },
      `Consent was asked of ${waiting.originator}'s disclosure officer on ${when(waiting.requestedAt)}: waiting for an answer.`));
  }
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
  if (outcome === 'PERMIT' && at === today()) {
    const releaseButton = h('button', { type: 'button', id: 'release', class: 'primary' }, `Release to ${to} now`);
    releaseButton.addEventListener('click', async () => {
      releaseButton.disabled = true;
      try {
        const done = await post(PATHS.itemReleases(item.id), { to });
        fill(actions, h('p', { id: 'released', class: done.released ? 'ok' : 'problem' },
          done.released ? `Released to ${to}; the release is in the audit log.` : `Not released: ${(done.decision || {}).decision}`));
      } catch (error) {
        releaseButton.disabled = false;
        actions.append(problemBox(error));
      }
    });
    actions.append(releaseButton);
  }
  const conditions = (answer && answer.conditions) || [];
  return [
    h('h2', {}, 'Decision'),
    h('p', { class: `outcome outcome-${outcome.toLowerCase().replace(/_/g, '-')}`, id: 'decision-outcome' },
      h('strong', {}, label(outcome).toUpperCase()), ` — ${item.id} to ${to} at ${when(result.at)}`,
      result.recipientLevel ? `, as ${result.recipientLevel}` : ''),
    conditions.length ? h('p', { id: 'decision-conditions' }, 'Under the consent\'s conditions: ',
      conditions.map((condition) => `${label(condition.kind)} ${condition.kind === 'EXPIRY' ? when(condition.value) : condition.value}`).join('; ')) : null,
    (result.agreements || []).length ? h('p', {}, 'Agreements relied on: ', result.agreements.map((id, index) =>
      [index ? ', ' : '', h('a', { href: `#/network?at=${at}&agreement=${encodeURIComponent(id)}` }, id)])) : null,
    h('h3', {}, 'The chain of rules'),
    reasons.length ? chain : h('p', { class: 'muted' }, 'No reasons given.'),
    needs.length ? [h('h3', {}, 'Consent needed'), h('ul', {}, needs)] : null,
    outcome !== 'PERMIT' ? [h('h3', {}, 'Routes that would work'),
      routes.length ? h('ol', { class: 'routes', id: 'decision-routes' }, routes) : h('p', { id: 'no-routes' }, 'No lawful route reaches the recipient.')] : null,
    actions,
  ];
}
