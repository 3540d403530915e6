// The agreement network through time: parties as nodes, agreements as edges coloured by kind (the line)
// and by status at the chosen date (the halo and the dash), an arrangement with a hub drawn as a hub.
import { PATHS, get } from './api.js';
import { fill, h, label, problemBox, s, today, when } from './ui.js';

const START = Date.UTC(1980, 0, 1);
const DAY = 86400000;
const CORE = ['USA', 'KOR', 'JPN'];
const STATUS_TEXT = {
  IN_FORCE: 'in force',
  TERMINATION_NOTIFIED: 'termination notified',
  SUSPENDED: 'suspended',
  NOT_YET_IN_FORCE: 'not yet in force',
};

const LIVE = ['IN_FORCE', 'TERMINATION_NOTIFIED', 'SUSPENDED'];

/**
 * What changed between two pictures of the registry: agreements that entered into force, ended, or had
 * a notice given (or another change of status) between the previously shown date and this one. Each
 * change is dated by when the new status began, as the record gives it.
 */
export function changesBetween(before, after) {
  const old = new Map(before.map((agreement) => [agreement.id, agreement.status.display]));
  const changes = [];
  for (const agreement of after) {
    const was = old.has(agreement.id) ? old.get(agreement.id) : 'NOT_YET_IN_FORCE';
    const now = agreement.status.display;
    if (was === now) {
      continue;
    }
    let what = null;
    if (LIVE.includes(now) && !LIVE.includes(was)) {
      what = 'in force';
    } else if (!LIVE.includes(now) && LIVE.includes(was)) {
      what = 'ended';
    } else if (now === 'TERMINATION_NOTIFIED') {
      what = 'termination notified';
    } else if (LIVE.includes(now)) {
      what = STATUS_TEXT[now];
    }
    if (what) {
      changes.push({ id: agreement.id, what, since: agreement.status.since || null, agreement });
    }
  }
  return changes.sort((a, b) => String(a.since || '').localeCompare(String(b.since || '')) || a.id.localeCompare(b.id));
}

const daysOf = (date) => Math.round((Date.parse(`${date}T00:00:00Z`) - START) / DAY);
const dateOf = (days) => new Date(START + days * DAY).toISOString().slice(0, 10);
const pairKey = (a, b) => [a, b].sort().join('-');

let sourcesCache = null;
let exercisesCache = null;

/** The exercise series the record dates (GET /exercises), fetched once; none when the node cannot say. */
async function exercises() {
  if (exercisesCache === null) {
    try {
      const list = await get(PATHS.exercises());
      exercisesCache = Array.isArray(list) ? list : [];
    } catch (error) {
      exercisesCache = [];
    }
  }
  return exercisesCache;
}

/**
 * The exercise editions among the agreement's parties (every party of the agreement takes part), as
 * timeline rows: an exercise is a fact of the record shown beside the agreement's events, not one of them.
 */
export function exerciseRows(agreement, list) {
  const rows = [];
  for (const exercise of list || []) {
    if (!agreement.parties.every((party) => exercise.parties.includes(party))) {
      continue;
    }
    for (const edition of exercise.editions || []) {
      rows.push({ at: edition.from, dates: edition.dates, assumed: edition.assumed, exercise: exercise.id, edition: edition.edition,
        location: edition.location, note: edition.note, sources: edition.sources || [] });
    }
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

async function sources() {
  if (sourcesCache === null) {
    try {
      const list = await get(PATHS.sources());
      sourcesCache = new Map((Array.isArray(list) ? list : list.sources || []).map((source) => [source.id, source]));
    } catch (error) {
      sourcesCache = new Map();
    }
  }
  return sourcesCache;
}

/**
 * Positions: the Korea–US–Japan triangle in the middle, every other party on a ring around it, placed
 * so that lines do not run through the triangle: Korea's partners on the left, Japan's on the right,
 * partners of both at the bottom, parties with no agreement at the top. {@code agreements} is every
 * agreement of the registry, whatever its status, so the layout does not move with the date.
 */
function layout(parties, agreements) {
  const positions = new Map();
  const centre = { x: 460, y: 320 };
  const inner = { USA: [460, 185], KOR: [345, 390], JPN: [575, 390] };
  const partners = (code, of) => agreements.some((agreement) => agreement.parties.includes(code) && agreement.parties.includes(of));
  const groups = { lonelyA: [], kor: [], both: [], jpn: [], lonelyB: [] };
  const others = parties.filter((code) => !inner[code]).sort();
  for (const code of others) {
    const kor = partners(code, 'KOR');
    const jpn = partners(code, 'JPN') || (!kor && partners(code, 'USA'));
    if (kor && jpn) {
      groups.both.push(code);
    } else if (kor) {
      groups.kor.push(code);
    } else if (jpn) {
      groups.jpn.push(code);
    } else {
      (groups.lonelyA.length <= groups.lonelyB.length ? groups.lonelyA : groups.lonelyB).push(code);
    }
  }
  // Counter-clockwise from the top: left side, bottom, right side, back to the top.
  const ring = [...groups.lonelyA, ...groups.kor, ...groups.both, ...groups.jpn, ...groups.lonelyB.reverse()];
  ring.forEach((code, index) => {
    const angle = -Math.PI / 2 - (2 * Math.PI * (index + 0.5)) / ring.length;
    positions.set(code, { x: centre.x + 410 * Math.cos(angle), y: centre.y + 270 * Math.sin(angle) });
  });
  for (const [code, [x, y]] of Object.entries(inner)) {
    if (parties.includes(code)) {
      positions.set(code, { x, y });
    }
  }
  return positions;
}

function hubOf(agreement) {
  for (const version of agreement.provisions || []) {
    if (version.channel && version.channel.hub) {
      return version.channel.hub;
    }
  }
  return null;
}

function visible(agreement, filters) {
  const display = agreement.status.display;
  if (!STATUS_TEXT[display] || agreement.status.phase === 'NONE') {
    return false;
  }
  if (display === 'NOT_YET_IN_FORCE' && !filters.pending) {
    return false;
  }
  return filters.kinds.has(agreement.kind);
}

export async function render(main, parts, params) {
  const at = params.get('at') || '2011-01-05';
  const [parties, everything] = await Promise.all([get(PATHS.parties()), get(PATHS.agreements(today()))]);
  const partyList = Array.isArray(parties) ? parties : parties.parties || [];
  const names = new Map(partyList.map((party) => [party.code, party.name || party.code]));
  const maxDays = daysOf(today());

  const slider = h('input', { type: 'range', id: 'at-slider', min: 0, max: maxDays, step: 1, value: Math.min(daysOf(at), maxDays),
    'aria-valuetext': at });
  const dateInput = h('input', { type: 'date', id: 'at-date', min: '1980-01-01', max: today(), value: at });
  const play = h('button', { type: 'button', id: 'play', 'aria-pressed': 'false' }, '▶ Play');
  const kinds = ['INFORMATION', 'LOGISTICS', 'ARRANGEMENT'].map((kind) =>
    h('label', { class: `check kind-${kind.toLowerCase()}` },
      h('input', { type: 'checkbox', id: `kind-${kind.toLowerCase()}`, value: kind, checked: true }), ` ${label(kind)}`));
  // Off at first: a newcomer should see at a glance which pacts exist at the date, not which were planned.
  const pending = h('input', { type: 'checkbox', id: 'show-pending', checked: params.get('pending') === 'true' });
  const svg = s('svg', { id: 'network', viewBox: '0 0 920 640', role: 'group', 'aria-labelledby': 'network-title network-summary' });
  const summary = h('div', { id: 'network-summary', class: 'summary', 'aria-live': 'polite' });
  const partnerBox = h('section', { id: 'network-partners', class: 'summary partners', 'aria-labelledby': 'partners-title' });
  const changeBox = h('section', { id: 'network-changes', class: 'summary changes', 'aria-labelledby': 'changes-title' });
  const detail = h('section', { id: 'agreement-detail', class: 'detail', 'aria-live': 'polite', tabindex: '-1' },
    h('p', { class: 'muted' }, 'Select an edge (click it, or Tab to it and press Enter) to see the agreement\'s timeline, provisions and sources.'));

  fill(main,
    h('h1', { id: 'network-title' }, 'Agreements through time'),
    h('div', { class: 'controls', role: 'group', 'aria-label': 'Date' },
      h('div', { class: 'field grow' }, h('label', { for: 'at-slider' }, 'Date (1980 → today)'), slider),
      h('div', { class: 'field' }, h('label', { for: 'at-date' }, 'Exact date'), dateInput),
      play),
    h('div', { class: 'controls filters', role: 'group', 'aria-label': 'Filters' }, kinds,
      h('label', { class: 'check' }, pending, ' show agreements not yet in force')),
    h('div', { class: 'network-layout' },
      h('div', { class: 'graph' }, svg, legend()),
      h('div', { class: 'side' }, summary, partnerBox, changeBox, detail)));

  const state = { at: dateOf(Number(slider.value)), selected: params.get('agreement'), agreements: [], seq: 0, previous: null, changes: [], focusId: null };
  const positions = layout(partyList.map((party) => party.code), Array.isArray(everything) ? everything : everything.agreements || []);

  const filters = () => ({
    kinds: new Set(kinds.map((node) => node.querySelector('input')).filter((input) => input.checked).map((input) => input.value)),
    pending: pending.checked,
  });

  async function load(date) {
    const seq = ++state.seq;
    state.at = date;
    slider.value = String(daysOf(date));
    slider.setAttribute('aria-valuetext', date);
    dateInput.value = date;
    const list = await get(PATHS.agreements(date));
    if (seq !== state.seq) {
      return;
    }
    const next = Array.isArray(list) ? list : list.agreements || [];
    // Changes are against the date shown before this one; the first picture has nothing to compare with.
    if (state.previous !== null && state.previous !== date) {
      state.changes = changesBetween(state.agreements, next);
      state.changedFrom = state.previous;
    } else if (state.previous === null) {
      state.changes = [];
    }
    state.previous = date;
    state.agreements = next;
    draw();
    showChanges();
    showPartners(date, seq);
    remember();
    main.dataset.at = date;
    if (state.selected) {
      showDetail(state.selected, false);
    }
  }

  function draw() {
    const chosen = filters();
    const shown = state.agreements.filter((agreement) => visible(agreement, chosen));
    svg.replaceChildren();
    svg.append(s('title', {}, `Agreements at ${state.at}`));
    const edgeLayer = s('g', { class: 'edges' });
    const nodeLayer = s('g', { class: 'nodes' });
    svg.append(edgeLayer, nodeLayer);
    const pairCount = new Map();
    const connected = new Set();
    for (const agreement of shown) {
      const hub = hubOf(agreement);
      if (agreement.parties.length > 2 || hub) {
        edgeLayer.append(hubEdge(agreement, hub));
      } else if (agreement.parties.length === 2) {
        const key = pairKey(...agreement.parties);
        const index = pairCount.get(key) || 0;
        pairCount.set(key, index + 1);
        edgeLayer.append(edge(agreement, index));
      }
      agreement.parties.forEach((party) => connected.add(party));
    }
    for (const [code, position] of positions) {
      const core = CORE.includes(code);
      const count = shown.filter((agreement) => agreement.parties.includes(code)).length;
      const node = s('g', { class: `party${core ? ' core' : ''}${connected.has(code) ? '' : ' lonely'}`, 'data-party': code, tabindex: '-1',
        role: 'img', 'aria-label': `${code}: ${names.get(code)}, ${count} agreement${count === 1 ? '' : 's'} drawn`,
        transform: `translate(${position.x.toFixed(1)},${position.y.toFixed(1)})` },
        s('title', {}, `${code}: ${names.get(code)}`),
        s('circle', { r: core ? 26 : 17 }),
        s('text', { 'text-anchor': 'middle', dy: '0.35em' }, code));
      nodeLayer.append(node);
    }
    // What ended since the date shown before is drawn as a faint trace, so that the change is visible.
    for (const change of state.changes.filter((entry) => entry.what === 'ended' && entry.agreement.parties.length === 2)) {
      const [a, b] = change.agreement.parties.map((code) => positions.get(code));
      if (a && b) {
        edgeLayer.prepend(s('path', { class: 'ended-trace', 'data-agreement': change.id,
          d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} L${b.x.toFixed(1)},${b.y.toFixed(1)}` }));
      }
    }
    rove();
    summarise(shown);
  }

  /** The graph's single Tab stop: the selected edge, or the one last focused, or the first edge. */
  function rove(target) {
    const stops = [...svg.querySelectorAll('.edge, .party')];
    const chosen = target || stops.find((element) => element.dataset.agreement && element.dataset.agreement === (state.focusId || state.selected))
      || svg.querySelector('.edge') || stops[0];
    stops.forEach((element) => element.setAttribute('tabindex', element === chosen ? '0' : '-1'));
    return chosen;
  }

  // Arrow keys walk the edges, then the parties; Home and End jump to the ends; Enter opens an edge.
  svg.addEventListener('keydown', (event) => {
    const stops = [...svg.querySelectorAll('.edge, .party')];
    const index = stops.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -index, End: stops.length - 1 - index };
    if (!(event.key in moves)) {
      return;
    }
    event.preventDefault();
    const next = stops[(index + moves[event.key] + stops.length) % stops.length];
    state.focusId = next.dataset.agreement || null;
    rove(next).focus();
  });

  function edgeAttrs(agreement, extraClass) {
    const status = agreement.status.display;
    const changed = state.changes.find((change) => change.id === agreement.id);
    return {
      class: `edge kind-${agreement.kind.toLowerCase()} status-${status.toLowerCase().replace(/_/g, '-')}${extraClass || ''}${state.selected === agreement.id ? ' selected' : ''}${changed ? ' changed' : ''}`,
      // One Tab stop for the whole graph: arrow keys move between edges and parties (see keyboard()).
      tabindex: '-1',
      'data-change': changed ? changed.what : null,
      'aria-selected': state.selected === agreement.id ? 'true' : null,
      role: 'button',
      'data-agreement': agreement.id,
      'data-pair': agreement.parties.length === 2 ? pairKey(...agreement.parties) : agreement.parties.slice().sort().join('-'),
      'data-status': status,
      'data-kind': agreement.kind,
      'aria-label': `${agreement.id}: ${agreement.parties.join('–')}, ${label(agreement.kind)}, ${STATUS_TEXT[status]}${changed ? ', changed: ' + changed.what : ''}${state.selected === agreement.id ? ', selected' : ''}`,
      onclick: () => showDetail(agreement.id, true),
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          showDetail(agreement.id, true);
        }
      },
    };
  }

  function edge(agreement, index) {
    const [a, b] = agreement.parties.map((code) => positions.get(code));
    if (!a || !b) {
      return s('g', {});
    }
    // Several agreements between one pair bow out on alternate sides.
    // A slight bow on the first keeps even a level line a shape with height (and easier to aim at).
    const bow = index === 0 ? 8 : (index % 2 ? -1 : 1) * Math.ceil(index / 2) * 28 + 8;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cx = mx - ((b.y - a.y) / length) * bow;
    const cy = my + ((b.x - a.x) / length) * bow;
    const d = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
    return s('g', edgeAttrs(agreement),
      s('title', {}, `${agreement.id} (${STATUS_TEXT[agreement.status.display]})`),
      s('path', { class: 'hit', d }),
      s('path', { class: 'halo', d }),
      s('path', { class: 'line', d }));
  }

  function hubEdge(agreement, hub) {
    const points = agreement.parties.map((code) => positions.get(code)).filter(Boolean);
    const cx = points.reduce((sum, point) => sum + point.x, 0) / points.length;
    const cy = points.reduce((sum, point) => sum + point.y, 0) / points.length;
    const hubPoint = hub && positions.get(hub) ? positions.get(hub) : { x: cx, y: cy };
    // The hub marker sits between the centre of the parties and the hub party.
    const x = cx + (hubPoint.x - cx) * 0.45;
    const y = cy + (hubPoint.y - cy) * 0.45 + 8;
    const group = s('g', edgeAttrs(agreement, ' arrangement-hub'),
      s('title', {}, `${agreement.id}: ${hub ? 'hub ' + hub + ', ' : ''}${STATUS_TEXT[agreement.status.display]}`));
    agreement.parties.forEach((code) => {
      const point = positions.get(code);
      if (!point) {
        return;
      }
      const d = `M${x.toFixed(1)},${y.toFixed(1)} L${point.x.toFixed(1)},${point.y.toFixed(1)}`;
      const spoke = code === hub ? ' hub-spoke' : '';
      group.append(s('path', { class: `hit${spoke}`, d }), s('path', { class: `halo${spoke}`, d }), s('path', { class: `line${spoke}`, d }));
    });
    group.append(
      s('rect', { class: 'hub-marker', x: (x - 9).toFixed(1), y: (y - 9).toFixed(1), width: 18, height: 18, transform: `rotate(45 ${x.toFixed(1)} ${y.toFixed(1)})` }),
      s('text', { class: 'hub-label', x: x.toFixed(1), y: (y + 26).toFixed(1), 'text-anchor': 'middle' }, `${agreement.id}${hub ? ' · hub ' + hub : ''}`));
    return group;
  }

  function summarise(shown) {
    const lines = [];
    for (const [a, b] of [['KOR', 'USA'], ['USA', 'JPN'], ['KOR', 'JPN']]) {
      const bilateral = state.agreements.filter((agreement) => agreement.kind !== 'ARRANGEMENT' && agreement.parties.length === 2
        && agreement.parties.includes(a) && agreement.parties.includes(b));
      const live = bilateral.filter((agreement) => ['IN_FORCE', 'TERMINATION_NOTIFIED', 'SUSPENDED'].includes(agreement.status.display));
      let text;
      if (live.length) {
        text = live.map((agreement) => `${label(agreement.kind)} ${STATUS_TEXT[agreement.status.display]} (${agreement.id})`).join('; ');
      } else {
        const planned = bilateral.filter((agreement) => agreement.status.phase !== 'NONE' && agreement.status.display === 'NOT_YET_IN_FORCE');
        text = planned.length ? `none in force (${planned.map((agreement) => `${label(agreement.kind)} ${label(agreement.status.phase)}`).join(', ')})` : 'none';
      }
      const notified = live.some((agreement) => agreement.status.display !== 'IN_FORCE');
      lines.push(h('li', { 'data-pair': pairKey(a, b), class: live.length ? `exists${notified ? ' notified' : ''}` : 'missing' }, h('strong', {}, `${a}–${b}: `), text));
    }
    fill(summary, h('strong', {}, `At ${state.at}`), ` — ${shown.length} agreements drawn.`, h('ul', { class: 'pairs' }, lines));
  }

  /** The date (and the selected agreement) live in the address, so a view can be shared; no new history entry per step. */
  function remember() {
    const query = new URLSearchParams({ at: state.at });
    if (state.selected) {
      query.set('agreement', state.selected);
    }
    if (pending.checked) {
      query.set('pending', 'true');
    }
    const hash = `#/network?${query}`;
    if (location.hash !== hash && main.dataset.page === 'network') {
      history.replaceState(null, '', hash);
    }
  }

  function showChanges() {
    if (!state.changes.length) {
      fill(changeBox, h('h2', { id: 'changes-title' }, 'Changes'),
        h('p', { class: 'muted', id: 'changes-none' }, state.changedFrom ? `Nothing changed since ${state.changedFrom}.` : 'Move the date: what changes since the date shown before is listed here and highlighted.'));
      return;
    }
    fill(changeBox, h('h2', { id: 'changes-title' }, `Since ${state.changedFrom}`),
      h('ul', { class: 'change-list' }, state.changes.slice(0, 12).map((change) => h('li', { 'data-agreement': change.id, 'data-change': change.what },
        change.since ? `${when(change.since)} ` : '', h('a', { href: '#', onclick: (event) => { event.preventDefault(); showDetail(change.id, true); } }, change.id),
        ` ${change.what}`))),
      state.changes.length > 12 ? h('p', { class: 'muted' }, `and ${state.changes.length - 12} more.`) : null);
  }

  /**
   * Beside the drawn edges, each core party's count of information-sharing partners as the record gives it
   * for the date (the newest count up to then), next to the partners the registry names: the two are not
   * reconciled, and no unnamed party is drawn to make them match.
   */
  async function showPartners(date, seq) {
    let answers;
    try {
      answers = await Promise.all(CORE.map((code) => get(PATHS.partners(code, date))));
    } catch (error) {
      fill(partnerBox, h('h2', { id: 'partners-title' }, 'Partners'), problemBox(error));
      return;
    }
    if (seq !== state.seq) {
      return;
    }
    const sourceMap = await sources();
    const rows = answers.map((answer) => {
      const count = (answer.counts || [])[0];
      const recorded = count
        ? [`the record counts ${count.count} (${count.basis}, as of ${count.date}${count.precision === 'day' ? '' : ` (${count.precision} only)`}; `,
          sourceLinks(count.sources, sourceMap), ')']
        : ['the record gives no count up to this date'];
      return h('li', { 'data-party': answer.party, 'data-named': String(answer.namedCount), 'data-recorded': count ? String(count.count) : '' },
        h('strong', {}, `${answer.party}: `), `${answer.namedCount} named in force; `, recorded);
    });
    fill(partnerBox, h('h2', { id: 'partners-title' }, 'Information-sharing partners'), h('ul', { class: 'pairs' }, rows),
      h('p', { class: 'muted' }, 'Named partners are the agreements drawn; the record\'s counts include partners it does not name, and none is invented here.'));
  }

  async function showDetail(id, focus) {
    state.selected = id;
    remember();
    svg.querySelectorAll('.edge').forEach((element) => element.classList.toggle('selected', element.dataset.agreement === id));
    try {
      const [agreement, sourceMap, exerciseList] = await Promise.all([get(PATHS.agreement(id, state.at)), sources(), exercises()]);
      fill(detail, agreementDetail(agreement, sourceMap, state.at, exerciseList));
      detail.dataset.agreement = id;
      if (focus) {
        detail.focus();
      }
    } catch (error) {
      fill(detail, problemBox(error));
    }
  }

  // The slider moves the picture as it is dragged; requests that come back late are dropped.
  slider.addEventListener('input', () => load(dateOf(Number(slider.value))));
  dateInput.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) {
      load(dateInput.value);
    }
  });
  kinds.forEach((node) => node.querySelector('input').addEventListener('change', draw));
  pending.addEventListener('change', draw);

  let timer = null;
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  };
  play.addEventListener('click', () => {
    if (timer) {
      stop();
      return;
    }
    if (Number(slider.value) >= maxDays) {
      slider.value = '0';
    }
    play.textContent = '⏸ Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      const next = Math.min(Number(slider.value) + 91, maxDays);
      load(dateOf(next));
      if (next >= maxDays || !document.body.contains(play)) {
        stop();
      }
    }, 350);
  });

  await load(state.at);
}

function legend() {
  const kinds = ['INFORMATION', 'LOGISTICS', 'ARRANGEMENT'].map((kind) => h('li', {},
    h('span', { class: `swatch line kind-${kind.toLowerCase()}` }), ` ${label(kind)}`));
  const statuses = Object.entries(STATUS_TEXT).map(([status, text]) => h('li', {},
    h('span', { class: `swatch halo status-${status.toLowerCase().replace(/_/g, '-')}` }), ` ${text}`));
  return h('div', { class: 'legend', 'aria-label': 'Legend' },
    h('div', {}, h('strong', {}, 'Line colour: kind'), h('ul', {}, kinds)),
    h('div', {}, h('strong', {}, 'Halo and dash: status'), h('ul', {}, statuses)),
    h('div', {}, h('strong', {}, 'Hub'), h('ul', {}, h('li', {}, h('span', { class: 'swatch diamond' }), ' arrangement with a hub (thick spoke to the hub party)'))),
    h('div', {}, h('strong', {}, 'Change'), h('ul', {},
      h('li', {}, h('span', { class: 'swatch changed-edge' }), ' changed since the date shown before'),
      h('li', {}, h('span', { class: 'swatch ended-edge' }), ' ended since then'))));
}

function sourceLinks(ids, sourceMap) {
  return (ids || []).map((id, index) => {
    const source = sourceMap.get(id);
    const sep = index ? ', ' : '';
    if (source && /^https?:\/\//.test(source.url || '')) {
      return [sep, h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', title: source.publisher || source.url }, id)];
    }
    return [sep, h('span', {}, id)];
  });
}

/** An event's date as the record knows it: "2008 (year only)" or "2011-10 (month only)", never a modelled day. */
function eventDate(event) {
  return event.precision && event.precision !== 'day' ? event.date : when(event.at);
}

function agreementDetail(agreement, sourceMap, at, exerciseList) {
  const status = agreement.status || {};
  const drills = exerciseRows(agreement, exerciseList).map((row) => ({ exerciseRow: row, at: row.at }));
  const timeline = [...(agreement.timeline || []).map((event) => ({ event, at: event.at })), ...drills]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const events = timeline.map(({ event, exerciseRow }) => exerciseRow ? h('tr', { class: `exercise${exerciseRow.at > `${at}T23:59:59Z` ? ' future' : ''}` },
    h('td', {}, exerciseRow.dates, exerciseRow.assumed ? h('abbr', { title: 'assumed date', class: 'assumed' }, ' ≈') : null),
    h('td', {}, 'Exercise'),
    h('td', {}, `${exerciseRow.exercise}${exerciseRow.edition ? ' edition ' + exerciseRow.edition : ''}`,
      exerciseRow.location ? ` — ${exerciseRow.location}` : '', exerciseRow.note ? ` — ${exerciseRow.note}` : ''),
    h('td', {}, sourceLinks(exerciseRow.sources, sourceMap))) : h('tr', { class: event.at > `${at}T23:59:59Z` ? 'future' : '' },
    h('td', {}, eventDate(event), event.assumed ? h('abbr', { title: 'assumed date', class: 'assumed' }, ' ≈') : null),
    h('td', {}, label(event.type)),
    h('td', {}, event.takesEffect ? `takes effect ${when(event.takesEffect)}` : '', event.note ? [event.takesEffect ? ' — ' : '', event.note] : ''),
    h('td', {}, sourceLinks(event.sources, sourceMap))));
  const provisions = (agreement.provisions || []).map((version) => h('div', { class: 'provision' },
    h('h4', {}, version.from ? `From ${when(version.from)}` : 'From the start', version.label ? ` — ${version.label}` : '', version.assumed ? ' (assumed)' : ''),
    h('dl', {},
      h('dt', {}, 'Scope'), h('dd', {}, version.scope === 'all' ? 'all topics' : (version.scope || []).join(', ')),
      h('dt', {}, 'Third parties'), h('dd', {}, label(version.thirdParty)),
      version.equivalence ? [h('dt', {}, 'Equivalence', version.equivalence.assumed ? ' (assumed)' : ''),
        h('dd', {}, h('ul', {}, version.equivalence.rows.map((row) => h('li', {},
          Object.entries(row).map(([party, levels]) => `${party} ${levels.join(' / ')}`).join('  =  ')))),
          version.equivalence.note ? h('p', { class: 'muted' }, version.equivalence.note) : null)] : null,
      version.channel ? [h('dt', {}, 'Channel'), h('dd', {}, `hub ${version.channel.hub}; paths `,
        version.channel.paths.map((path) => path.join(' → ')).join(', '))] : null,
      version.sources && version.sources.length ? [h('dt', {}, 'Sources'), h('dd', {}, sourceLinks(version.sources, sourceMap))] : null),
    version.note ? h('p', { class: 'muted' }, version.note) : null));
  const allSources = [...new Set([...(agreement.sources || []),
    ...(agreement.timeline || []).flatMap((event) => event.sources || []),
    ...drills.flatMap(({ exerciseRow }) => exerciseRow.sources),
    ...(agreement.provisions || []).flatMap((version) => [...(version.sources || []), ...((version.equivalence || {}).sources || [])])])];
  return [
    h('h2', { id: 'detail-title' }, agreement.id),
    h('p', {}, agreement.title),
    h('p', {}, h('span', { class: `badge status-${String(status.display).toLowerCase().replace(/_/g, '-')}`, id: 'detail-status' }, STATUS_TEXT[status.display] || label(status.display)),
      ` at ${at} · ${label(agreement.kind)} · ${agreement.parties.join(', ')}`,
      status.since ? ` · since ${status.sincePrecision && status.sincePrecision !== 'day' ? status.sinceDate : when(status.since)}` : '',
      status.terminationTakesEffect ? ` · termination takes effect ${when(status.terminationTakesEffect)}` : '',
      status.noticeSuspended ? ' · termination notice suspended' : '',
      status.assumed ? ' · assumed date' : ''),
    agreement.note ? h('p', { class: 'muted' }, agreement.note) : null,
    h('h3', {}, 'Timeline'),
    h('table', { class: 'timeline' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Event'),
      h('th', { scope: 'col' }, 'Detail'), h('th', { scope: 'col' }, 'Sources'))), h('tbody', {}, events)),
    h('h3', {}, 'Provisions'),
    provisions.length ? provisions : h('p', { class: 'muted' }, 'No provisions recorded.'),
    h('h3', {}, 'Sources'),
    h('ul', { class: 'sources' }, allSources.map((id) => {
      const source = sourceMap.get(id);
      return h('li', {}, h('code', {}, id), ' ', source && source.url
        ? [h('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.url), source.publisher ? ` — ${source.publisher}` : '']
        : '');
    })),
  ];
}
