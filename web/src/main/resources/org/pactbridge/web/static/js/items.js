// Items: what the signed-in user may see, registering one, and a decision explained as the chain of
// rules and agreements, with the routes when direct release fails and a button to ask for consent.
import { PATHS, get, post, session } from './api.js';
import { field, fill, h, label, levelsAt, problemBox, select, toast, today, when } from './ui.js';

const originatorsOf = (item) => item.originators || (item.originator ? [item.originator] : []);

export async function render(main, parts, params) {
  if (parts.length > 0) {
    return renderItem(main, parts[0], params);
  }
  const [itemData, partyData] = await Promise.all([get(PATHS.items()), get(PATHS.parties())]);
  const list = Array.isArray(itemData) ? itemData : itemData.items || [];
  const parties = Array.isArray(partyData) ? partyData : partyData.parties || [];
  const table = list.length
    ? h('table', { class: 'list', id: 'item-list' },
      h('caption', {}, 'Items you may see'),
      h('thead', {}, h('tr', {}, ['Item', 'Title', 'Marking', 'Originator', 'Topics', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, list.map((item) => h('tr', { 'data-item': item.id },
        h('td', {}, h('a', { href: `#/items/${encodeURIComponent(item.id)}` }, item.id)),
        h('td', { lang: 'und' }, item.title || ''),
        h('td', {}, h('code', {}, item.marking || item.level || '')),
        h('td', {}, originatorsOf(item).join(', ')),
        h('td', {}, (item.topics || []).join(', ')),
        h('td', {}, when(item.created || item.createdAt))))))
    : h('p', { id: 'item-list-empty' }, 'No items you may see yet.');
  fill(main, h('h1', {}, 'Items'), table,
    session.has('originator', 'admin') ? registerForm(parties) : null);
}

function registerForm(parties) {
  const user = session.user() || {};
  const codes = parties.map((party) => party.code);
  const originator = select({ id: 'reg-originator', name: 'originator' }, codes, user.nationality || 'KOR');
  const level = select({ id: 'reg-level', name: 'level' }, []);
  const fillLevels = () => {
    const party = parties.find((candidate) => candidate.code === originator.value) || { code: originator.value, levels: [] };
    fill(level, levelsAt(party, today()).filter((entry) => entry.code !== 'UNCLASSIFIED').map((entry) =>
      h('option', { value: entry.code }, `${entry.code}${entry.nativeName ? ' — ' + entry.nativeName : ''}${entry.englishName ? ' (' + entry.englishName + ')' : ''}`)));
  };
  originator.addEventListener('change', fillLevels);
  fillLevels();
  const title = h('input', { type: 'text', id: 'reg-title', name: 'title', required: true, maxlength: 200 });
  const relTo = h('input', { type: 'text', id: 'reg-relto', name: 'relTo', placeholder: 'USA, JPN', spellcheck: 'false' });
  const noforn = h('input', { type: 'checkbox', id: 'reg-noforn' });
  const orcon = h('input', { type: 'checkbox', id: 'reg-orcon' });
  const topics = h('input', { type: 'text', id: 'reg-topics', placeholder: 'dprk-missile', spellcheck: 'false' });
  const marking = h('input', { type: 'text', id: 'reg-marking', placeholder: '//KOR II//REL TO USA, JPN', spellcheck: 'false' });
  const content = h('textarea', { id: 'reg-content', rows: 5, required: true });
  const result = h('div', { id: 'reg-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'register-form', class: 'card' },
    h('h2', {}, 'Register an item'),
    field('Title', title),
    h('fieldset', {}, h('legend', {}, 'Marking'),
      h('div', { class: 'row' }, field('Originator', originator), field('Level', level)),
      field('REL TO (parties or communities)', relTo, 'leave empty for no REL TO list'),
      h('div', { class: 'row' },
        h('label', { class: 'check' }, noforn, ' NOFORN'),
        h('label', { class: 'check' }, orcon, ' ORCON (every dissemination needs the originator\'s approval)')),
      field('…or a whole marking', marking, 'when given, it replaces the fields above; the node rejects a field that contradicts it')),
    field('Topics (comma-separated)', topics),
    field('Content', content, 'stored encrypted; never shown to anyone who may not see the item'),
    h('button', { type: 'submit', class: 'primary', id: 'reg-submit' }, 'Register'),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { title: title.value, content: content.value, topics: splitList(topics.value) };
    if (marking.value.trim()) {
      body.marking = marking.value.trim();
    } else {
      Object.assign(body, { originator: originator.value, level: level.value, noforn: noforn.checked, orcon: orcon.checked });
      if (relTo.value.trim()) {
        body.relTo = splitList(relTo.value);
      }
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
  const parties = (Array.isArray(partyData) ? partyData : partyData.parties || []).map((party) => party.code);
  const to = select({ id: 'dec-to' }, parties, params.get('to') || (parties.includes('JPN') ? 'JPN' : parties[0]));
  const at = h('input', { type: 'date', id: 'dec-at', value: params.get('at') || today() });
  const decision = h('section', { id: 'decision', 'aria-live': 'polite', tabindex: '-1' });
  const consentList = h('section', { id: 'item-consents' });
  const topics = item.topics || [];
  fill(main,
    h('p', {}, h('a', { href: '#/items' }, '← Items')),
    h('h1', { id: 'item-title', lang: 'und' }, item.title || item.id),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Item'), h('dd', { id: 'item-id' }, item.id),
      h('dt', {}, 'Marking'), h('dd', {}, h('code', { id: 'item-marking' }, item.marking || '')),
      h('dt', {}, 'Originator'), h('dd', {}, originatorsOf(item).join(', ')),
      h('dt', {}, 'Level'), h('dd', {}, item.level || ''),
      item.holder ? [h('dt', {}, 'Held by'), h('dd', {}, item.holder)] : null,
      h('dt', {}, 'Releasability'), h('dd', {}, item.noforn ? 'NOFORN' : item.relTo && item.relTo.length ? `REL TO ${item.relTo.join(', ')}` : 'no REL TO list'),
      item.orcon ? [h('dt', {}, 'Caveat'), h('dd', {}, 'ORCON')] : null,
      h('dt', {}, 'Topics'), h('dd', {}, topics.length ? topics.join(', ') : 'none'),
      h('dt', {}, 'Created'), h('dd', {}, when(item.created || item.createdAt))),
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
      const [result, requests] = await Promise.all([get(PATHS.itemDecision(item.id, recipient, date)), consentsOfItem()]);
      if (mine !== asked) {
        return;
      }
      const waiting = requests.find((request) => request.recipient === recipient && request.state === 'PENDING');
      fill(decision, explain(result, item, recipient, date, decide, waiting));
      decision.dataset.outcome = result.decision;
      showConsents(requests);
    } catch (error) {
      if (mine === asked) {
        fill(decision, problemBox(error));
      }
    }
  }

  async function consentsOfItem() {
    try {
      const data = await get(PATHS.consents({ item: item.id }));
      return Array.isArray(data) ? data : data.consents || [];
    } catch (error) {
      return [];
    }
  }

  function showConsents(requests) {
    fill(consentList, requests.length ? [h('h2', {}, 'Consent requests for this item'),
      h('ul', { class: 'plain' }, requests.map((request) => h('li', { 'data-consent': request.id, 'data-state': request.state },
        `${request.id}: ${request.requester || ''} → ${request.recipient}, asked of ${request.originator} on ${when(request.requestedAt)} — `,
        h('strong', {}, label(request.state)),
        request.conditions && request.conditions.length ? ` (${request.conditions.map((condition) => `${label(condition.kind)} ${condition.value}`).join('; ')})` : '')))] : []);
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

function explain(result, item, to, at, again, waiting) {
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
  const ask = h('div', { id: 'consent-ask' });
  // An originator holding its own item gives consent by releasing it: there is no one to ask.
  const ownItem = item.holder && originatorsOf(item).includes(item.holder);
  const canAsk = !waiting && !ownItem && (outcome === 'CONSENT_REQUIRED' || (outcome === 'DENY' && (result.routes || []).some((route) => (route.consents || []).length)));
  if (waiting) {
    fill(ask, h('p', { id: 'consent-sent', class: 'ok' }, `Consent request ${waiting.id} was sent to ${waiting.originator}'s disclosure officer on ${when(waiting.requestedAt)}: waiting for an answer.`));
  }
  const askButton = canAsk ? h('button', { type: 'button', id: 'ask-consent', class: 'primary' },
    `Ask ${[...new Set([...(result.consentsRequired || []).map((need) => need.from), ...originatorsOf(item)])][0]} for consent`) : null;
  if (askButton) {
    askButton.addEventListener('click', async () => {
      askButton.disabled = true;
      try {
        const request = await post(PATHS.consents(), { item: item.id, recipient: to, at });
        toast(`Consent request ${request.id} sent to ${request.originator}`);
        await again();
      } catch (error) {
        askButton.disabled = false;
        fill(ask, problemBox(error));
      }
    });
  }
  return [
    h('h2', {}, 'Decision'),
    h('p', { class: `outcome outcome-${outcome.toLowerCase().replace(/_/g, '-')}`, id: 'decision-outcome' },
      h('strong', {}, label(outcome).toUpperCase()), ` — ${item.id} to ${to} at ${when(result.at)}`,
      result.recipientLevel ? `, as ${result.recipientLevel}` : ''),
    (result.agreements || []).length ? h('p', {}, 'Agreements relied on: ', result.agreements.map((id, index) =>
      [index ? ', ' : '', h('a', { href: `#/network?at=${at}&agreement=${encodeURIComponent(id)}` }, id)])) : null,
    h('h3', {}, 'The chain of rules'),
    reasons.length ? chain : h('p', { class: 'muted' }, 'No reasons given.'),
    needs.length ? [h('h3', {}, 'Consent needed'), h('ul', {}, needs)] : null,
    outcome !== 'PERMIT' ? [h('h3', {}, 'Routes that would work'),
      routes.length ? h('ol', { class: 'routes', id: 'decision-routes' }, routes) : h('p', { id: 'no-routes' }, 'No lawful route reaches the recipient.')] : null,
    askButton, ask,
  ];
}
