// Coverage: a pair × pair heat map of the highest originator level releasable at a date, directly or
// through relays, and a what-if panel of hypothetical events whose changed cells are outlined.
import { PATHS, get, post, session } from './api.js';
import { field, fill, h, label, levelsAt, problemBox, select, today, when } from './ui.js';

const EVENT_TYPES = ['IN_FORCE', 'SIGNED', 'TERMINATION_NOTICE', 'NOTICE_WITHDRAWN', 'NOTICE_SUSPENDED', 'SUSPENDED', 'RESUMED', 'TERMINATED', 'EXPIRED', 'AMENDED'];

export async function render(main, parts, params) {
  const [partyData, agreementData] = await Promise.all([get(PATHS.parties()), get(PATHS.agreements(today()))]);
  const partyList = Array.isArray(partyData) ? partyData : partyData.parties || [];
  const agreementList = Array.isArray(agreementData) ? agreementData : agreementData.agreements || [];
  // Heat is a level's rank over the highest rank of its party's scheme (two levels may share a rank).
  const rankOf = new Map();
  const maxRank = new Map();
  for (const party of partyList) {
    for (const scheme of party.schemes || [{ levels: party.levels || [] }]) {
      for (const level of levelsAt({ code: party.code, schemes: [scheme] }, '9999-12-31')) {
        rankOf.set(level.qualified, level.rank);
        maxRank.set(party.code, Math.max(maxRank.get(party.code) || 1, level.rank || 0));
      }
    }
  }
  const levelsOf = { rankOf, maxRank };

  const at = h('input', { type: 'date', id: 'cov-date', value: params.get('at') || '2017-01-05', min: '1980-01-01', max: today() });
  const partiesInput = h('input', { type: 'text', id: 'cov-parties', value: params.get('parties') || 'KOR,JPN,USA', spellcheck: 'false' });
  const topics = h('input', { type: 'text', id: 'cov-topics', value: params.get('topics') || '', placeholder: 'dprk-missile, dprk-nuclear', spellcheck: 'false' });
  const show = h('button', { type: 'submit', id: 'cov-show', class: 'primary' }, 'Show coverage');
  const grid = h('div', { id: 'coverage-grid', 'aria-live': 'polite' });
  const changes = h('div', { id: 'whatif-changes', 'aria-live': 'polite' });

  const hypo = { events: [], agreements: [] };
  const hypoList = h('ul', { id: 'whatif-list', class: 'plain' });
  const eventAgreement = select({ id: 'wi-agreement' }, agreementList.map((agreement) => [agreement.id, `${agreement.id} (${agreement.parties.join('–')})`]));
  const eventType = select({ id: 'wi-type' }, EVENT_TYPES.map((type) => [type, label(type)]), 'TERMINATED');
  const eventAt = h('input', { type: 'date', id: 'wi-at' });
  const eventEffect = h('input', { type: 'date', id: 'wi-effect' });
  const partyCodes = partyList.map((party) => party.code);
  const newA = select({ id: 'wi-new-a' }, partyCodes, 'KOR');
  const newB = select({ id: 'wi-new-b' }, partyCodes, 'JPN');
  const newKind = select({ id: 'wi-new-kind' }, ['INFORMATION', 'LOGISTICS'], 'INFORMATION');
  const newFrom = select({ id: 'wi-new-from' }, agreementList.map((agreement) => agreement.id), 'ROK-JPN-GSOMIA-2016');
  const newAt = h('input', { type: 'date', id: 'wi-new-at' });

  // The node answers what-if comparisons only for those who may ask decisions (docs/server.md): others are not offered the panel.
  const mayCompare = session.has('admin', 'originator', 'disclosure-officer', 'analyst');
  const whatifSection = h('section', { class: 'card whatif', 'aria-labelledby': 'whatif-title' },
    h('h2', { id: 'whatif-title' }, 'What if…'),
    h('p', { class: 'muted' }, 'Add hypothetical events or agreements, then compare: cells whose shown level changes are outlined; every change is listed with what it was.'),
    h('form', { id: 'whatif-event-form' },
      h('fieldset', {}, h('legend', {}, 'An event on an existing agreement'),
        field('Agreement', eventAgreement), field('Event', eventType), field('Date', eventAt),
        field('Takes effect (termination notice)', eventEffect),
        h('button', { type: 'submit', id: 'wi-add-event' }, 'Add event'))),
    h('form', { id: 'whatif-agreement-form' },
      h('fieldset', {}, h('legend', {}, 'A hypothetical agreement in force'),
        h('div', { class: 'row' }, field('Party', newA), field('and party', newB)),
        field('Kind', newKind), field('Provisions copied from', newFrom), field('In force from', newAt),
        h('button', { type: 'submit', id: 'wi-add-agreement' }, 'Add agreement'))),
    h('h3', {}, 'Hypothesis'),
    hypoList,
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'wi-run', class: 'primary' }, 'Compare'),
      h('button', { type: 'button', id: 'wi-clear' }, 'Clear')),
    changes);

  fill(main,
    h('h1', {}, 'Coverage'),
    h('p', {}, 'For each ordered pair (originator → recipient), the highest originator level that may go: directly, or through relays when no direct release is possible. Darker means higher.'),
    h('form', { id: 'coverage-form', class: 'controls' },
      field('Date', at), field('Parties (comma-separated, or all)', partiesInput), field('Item topics (optional)', topics, 'none: only agreements of unrestricted scope count'), show),
    h('div', { class: 'coverage-layout' },
      h('div', {}, grid, legend()),
      mayCompare ? whatifSection : h('p', { id: 'whatif-not-offered', class: 'muted' }, 'What-if comparisons are for originators, disclosure officers, analysts and administrators.')));

  let current = null;

  /** The date, parties and topics shown live in the address (#/coverage?at=DATE&topics=…), so a view can be shared. */
  function remember() {
    const query = new URLSearchParams({ at: at.value });
    if (partiesInput.value.replace(/\s+/g, '') && partiesInput.value.replace(/\s+/g, '') !== 'KOR,JPN,USA') {
      query.set('parties', partiesInput.value.replace(/\s+/g, ''));
    }
    if (topics.value.replace(/\s+/g, '')) {
      query.set('topics', topics.value.replace(/\s+/g, ''));
    }
    const hash = `#/coverage?${query}`;
    if (location.hash !== hash) {
      history.replaceState(null, '', hash);
    }
  }

  async function showCoverage(changed) {
    try {
      const data = await get(PATHS.coverage(at.value, partiesInput.value.replace(/\s+/g, '') || 'KOR,JPN,USA', topics.value.replace(/\s+/g, '')));
      current = Array.isArray(data) ? data : data.cells || [];
      drawGrid(grid, current, levelsOf, changed || new Map(), at.value);
    } catch (error) {
      fill(grid, problemBox(error));
    }
  }

  function drawHypothesis() {
    fill(hypoList,
      hypo.events.map((event, index) => h('li', { 'data-kind': 'event' },
        `${event.agreement}: ${label(event.type)} on ${event.at}${event.takesEffect ? ', takes effect ' + event.takesEffect : ''} `,
        h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${label(event.type)} of ${event.agreement}`, onclick: () => { hypo.events.splice(index, 1); drawHypothesis(); } }, 'Remove'))),
      hypo.agreements.map((agreement, index) => h('li', { 'data-kind': 'agreement' },
        `${agreement.id}: ${agreement.parties.join('–')} ${label(agreement.kind)} in force from ${agreement.events[0].at} `,
        h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${agreement.id}`, onclick: () => { hypo.agreements.splice(index, 1); drawHypothesis(); } }, 'Remove'))),
      hypo.events.length + hypo.agreements.length === 0 ? h('li', { class: 'muted' }, 'Nothing yet.') : null);
  }

  main.querySelector('#coverage-form').addEventListener('submit', (event) => {
    event.preventDefault();
    remember();
    fill(changes);
    showCoverage();
  });
  whatifSection.querySelector('#whatif-event-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const date = eventAt.value || at.value;
    const entry = { agreement: eventAgreement.value, type: eventType.value, at: date };
    if (eventEffect.value) {
      entry.takesEffect = eventEffect.value;
    }
    hypo.events.push(entry);
    drawHypothesis();
  });
  whatifSection.querySelector('#whatif-agreement-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (newA.value === newB.value) {
      fill(changes, problemBox(new Error('a hypothetical agreement needs two different parties')));
      return;
    }
    const id = `HYPO-${newA.value}-${newB.value}-${hypo.agreements.length + 1}`;
    hypo.agreements.push({ id, kind: newKind.value, parties: [newA.value, newB.value], provisionsFrom: newFrom.value,
      events: [{ type: 'IN_FORCE', at: newAt.value || at.value }] });
    drawHypothesis();
  });
  whatifSection.querySelector('#wi-clear').addEventListener('click', () => {
    hypo.events = [];
    hypo.agreements = [];
    drawHypothesis();
    fill(changes);
    showCoverage();
  });
  whatifSection.querySelector('#wi-run').addEventListener('click', async () => {
    const body = {
      at: at.value,
      parties: (partiesInput.value.trim() || 'KOR,JPN,USA').split(',').map((part) => part.trim()).filter(Boolean),
      topics: topics.value.split(',').map((part) => part.trim()).filter(Boolean),
      events: hypo.events,
      agreements: hypo.agreements,
    };
    try {
      const result = await post(PATHS.whatif(), body);
      const changed = new Map((result.cells || []).map((cell) => [`${cell.from}>${cell.to}`, cell]));
      fill(changes,
        h('h3', {}, `${changed.size} cell${changed.size === 1 ? '' : 's'} change at ${when(result.at)}`),
        h('ul', { id: 'whatif-result' }, (result.cells || []).map((cell) => h('li', { 'data-cell': `${cell.from}>${cell.to}` },
          `${cell.from} → ${cell.to}: direct ${levelText(cell.before.direct)} → ${levelText(cell.after.direct)}; relay ${levelText(cell.before.relay)}${cell.before.relaySanctioned ? ' (sanctioned)' : ''} → ${levelText(cell.after.relay)}${cell.after.relaySanctioned ? ' (sanctioned)' : ''}`))),
        (result.decisions || []).length ? [h('h3', {}, 'Decisions on stored items that change'),
          h('ul', {}, result.decisions.map((decision) => h('li', {}, `${decision.id}: ${decision.before.decision} → ${decision.after.decision}`)))] : null);
      // The grid shows the hypothetical world, each changed cell outlined with what it was.
      const afterCells = current ? current.map((cell) => (changed.get(`${cell.from}>${cell.to}`) || {}).after || cell) : [];
      drawGrid(grid, afterCells, levelsOf, changed, at.value);
    } catch (error) {
      fill(changes, problemBox(error));
    }
  });

  drawHypothesis();
  await showCoverage();
}

const levelText = (level) => level || 'none';

/**
 * The cell's colour for a heat in [0, 1]: light with dark text up to 0.6, then dark with white text.
 * The jump skips the middle lightness where neither dark nor white text reaches 4.5:1 (WCAG AA).
 */
export function shade(heat) {
  const dark = heat > 0.6;
  const lightness = dark ? 44 - (heat - 0.6) * 20 : 96 - heat * 55;
  return { style: `--heat:${heat.toFixed(2)};--l:${lightness.toFixed(1)}%`, dark };
}

/** What a cell says first: the direct level, else the relay level, else none. Only a change of this is outlined. */
const headline = (cell) => (cell.direct ? `direct ${cell.direct}` : cell.relay ? `relay ${cell.relay}` : 'none');
const code = (level) => (level ? level.split(':')[1] : 'none');

/** What a changed cell was, naming only the parts that changed. */
function wasText(change) {
  const { before, after } = change;
  const parts = [];
  if (before.direct !== after.direct || before.directAgreement !== after.directAgreement) {
    parts.push(`direct was ${code(before.direct)}${before.directAgreement && before.directAgreement !== after.directAgreement ? ' (' + before.directAgreement + ')' : ''}`);
  }
  if (before.relay !== after.relay || before.relaySanctioned !== after.relaySanctioned) {
    parts.push(`relay was ${code(before.relay)}${before.relaySanctioned !== after.relaySanctioned ? (before.relaySanctioned ? ', sanctioned' : ', ad hoc') : ''}`);
  }
  return parts.join('; ') || 'changed';
}

function drawGrid(grid, cells, levelsOf, changed, at) {
  const parties = [];
  for (const cell of cells) {
    if (!parties.includes(cell.from)) {
      parties.push(cell.from);
    }
    if (!parties.includes(cell.to)) {
      parties.push(cell.to);
    }
  }
  const byPair = new Map(cells.map((cell) => [`${cell.from}>${cell.to}`, cell]));
  const rank = (level) => {
    if (!level) {
      return 0;
    }
    const party = level.split(':')[0];
    const value = levelsOf.rankOf.get(level);
    return value === undefined ? 0.5 : value / (levelsOf.maxRank.get(party) || 1);
  };
  const table = h('table', { class: 'heatmap', id: 'heatmap', 'data-at': at },
    h('caption', {}, `Highest level releasable at ${at}: rows are originators, columns recipients`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'from \\ to'), parties.map((party) => h('th', { scope: 'col' }, party)))),
    h('tbody', {}, parties.map((from) => h('tr', {}, h('th', { scope: 'row' }, from), parties.map((to) => {
      if (from === to) {
        return h('td', { class: 'self', 'aria-label': 'same party' }, '—');
      }
      const cell = byPair.get(`${from}>${to}`);
      if (!cell) {
        return h('td', { class: 'none' }, '');
      }
      const change = changed.get(`${from}>${to}`);
      const headlineChanged = change && change.before && change.after ? headline(change.before) !== headline(change.after) : Boolean(change);
      const direct = rank(cell.direct);
      const relay = rank(cell.relay);
      const heat = Math.max(direct, relay);
      const route = cell.relayRoute ? cell.relayRoute.hops.map((hop) => hop.from).concat(cell.relayRoute.hops.slice(-1).map((hop) => hop.to)).join('→') : '';
      const text = cell.direct
        ? [h('span', { class: 'level' }, cell.direct.split(':')[1]), h('small', {}, `direct${cell.directRecipientLevel ? ' → ' + cell.directRecipientLevel.split(':')[1] : ''}`)]
        : cell.relay
          ? [h('span', { class: 'level' }, cell.relay.split(':')[1]), h('small', {}, `via ${route}${cell.relaySanctioned ? ' (sanctioned)' : ''}`)]
          : [h('span', { class: 'level' }, 'none')];
      const title = `${from} → ${to}: direct ${levelText(cell.direct)}${cell.directAgreement ? ' under ' + cell.directAgreement : ''}; relay ${levelText(cell.relay)}${route ? ' via ' + route : ''}`;
      const colour = shade(heat);
      return h('td', {
        class: `cell${cell.direct ? ' direct' : cell.relay ? ' relay' : ' empty'}${colour.dark ? ' dark' : ''}${headlineChanged ? ' changed' : change ? ' changed-detail' : ''}`,
        style: colour.style,
        title,
        tabindex: '0',
        'aria-label': title + (change ? ' (changed)' : ''),
        'data-from': from,
        'data-to': to,
        'data-direct': cell.direct || '',
        'data-relay': cell.relay || '',
      }, text, change ? h('small', { class: 'was' }, wasText(change)) : null);
    })))));
  fill(grid, table);
}

function legend() {
  return h('p', { class: 'legend muted' },
    h('span', { class: 'swatch heat', style: shade(1).style }), ' highest level  ',
    h('span', { class: 'swatch heat', style: shade(0.4).style }), ' lower level  ',
    h('span', { class: 'swatch heat relay', style: shade(0.4).style }), ' only through a relay (striped edge)  ',
    h('span', { class: 'swatch changed' }), ' what is shown changed in the what-if (other changes are listed beside it)');
}
