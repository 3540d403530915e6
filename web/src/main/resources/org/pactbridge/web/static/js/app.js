// The shell: navigation by role, sign-in and sign-out, and a hash router (#/network, #/items/ID, …).
import { ApiError, PATHS, session } from './api.js';
import { fill, h, problemBox } from './ui.js';
import * as network from './network.js';
import * as coverage from './coverage.js';
import * as items from './items.js';
import * as consents from './consents.js';
import * as audit from './audit.js';

// The roles each page needs, as the node's endpoints admit them.
const HOLDERS = ['originator', 'disclosure-officer', 'analyst'];

const PAGES = [
  { name: 'network', title: 'Network', module: network, roles: null },
  { name: 'coverage', title: 'Coverage', module: coverage, roles: null },
  { name: 'items', title: 'Items', module: items, roles: HOLDERS },
  // Officers answer requests here; every holder sees what its nation asked ("my requests").
  { name: 'consents', title: 'Consents', module: consents, roles: HOLDERS },
  { name: 'audit', title: 'Audit', module: audit, roles: ['auditor', 'node-auditor', 'admin'] },
];

const main = document.getElementById('main');

function allowed(page) {
  return page.roles === null || session.has(...page.roles);
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  if (!session.signedIn()) {
    fill(nav);
  } else {
    fill(nav, h('ul', {}, PAGES.filter(allowed).map((page) =>
      h('li', {}, h('a', { href: `#/${page.name}`, id: `nav-${page.name}`, 'aria-current': page.name === current ? 'page' : null }, page.title)))));
  }
  const user = session.user();
  const who = document.getElementById('who');
  who.textContent = user ? `${user.name} · ${user.nationality}${user.clearance ? ' · ' + user.clearance : ''} · ${session.roles().join(', ')}` : '';
  document.getElementById('sign-out').hidden = !user;
}

function signInPage(params) {
  const token = h('input', { id: 'signin-token', type: 'password', name: 'token', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  const error = h('div', { id: 'signin-error' });
  const form = h('form', { id: 'signin-form', class: 'card narrow', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in'),
    h('p', {}, 'Use an API token that this node issued to your account (it starts with pbt_). The node\'s administrator issues tokens; the first-start admin token is printed once when the node starts.'),
    // Not a field the user sees: password managers and Chromium expect a username beside a password input.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', hidden: true, 'aria-hidden': 'true', tabindex: '-1' }),
    h('div', { class: 'field' }, h('label', { for: 'signin-token' }, 'API token'), token),
    h('button', { type: 'submit', id: 'signin-submit', class: 'primary' }, 'Sign in'),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fill(error);
    const secret = token.value.trim();
    // The token goes to the node once and is forgotten: the node keeps the session in an HttpOnly cookie.
    token.value = '';
    try {
      await session.signIn(secret);
      location.hash = params.get('next') || '#/network';
    } catch (failure) {
      fill(error, problemBox(failure.status === 401 ? new ApiError(401, { title: 'Not signed in', detail: 'the node does not know this token, or it was revoked or has expired' }) : failure));
      token.focus();
    }
  });
  fill(main, form);
  renderNav(null);
  token.focus();
}

let loaded = false;

// A node on an exercise clock (serve --clock) says so on every page, signed in or not: its dates are not today's.
async function showClock() {
  let health = null;
  try {
    const response = await fetch(PATHS.health(), { headers: { Accept: 'application/json' } });
    health = await response.json();
  } catch (error) {
    return;
  }
  const clock = health && health.clock;
  // what the node said, for tests and styles: 'real' or 'exercise'
  document.body.dataset.clock = clock ? clock.mode : 'unknown';
  if (!clock || clock.mode !== 'exercise') {
    return;
  }
  const loadedAt = Date.now();
  const nodeNow = Date.parse(clock.now);
  const text = h('span', { id: 'clock-banner-now' });
  const tick = () => {
    text.textContent = new Date(nodeNow + (Date.now() - loadedAt)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  tick();
  setInterval(tick, 1000);
  const banner = h('div', { id: 'clock-banner', class: 'clock-banner', role: 'note', 'aria-label': 'Exercise clock' },
    h('strong', {}, 'Exercise clock'), ' This node runs on an exercise clock: its now is ', text,
    ` (started at ${clock.start}). Decisions and records follow it; sign-in tokens use the real clock.`);
  // inside the header (the banner landmark), on its own row
  document.querySelector('header.top').append(banner);
}

async function route() {
  if (!loaded) {
    // After a reload the page knows nothing: the node tells it whether the cookie still signs someone in.
    loaded = true;
    await session.load().catch(() => null);
  }
  const hash = location.hash || '#/network';
  const [pathPart, queryPart] = hash.slice(1).split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(queryPart || '');
  if (parts[0] === 'signin') {
    signInPage(params);
    return;
  }
  if (!session.signedIn()) {
    location.hash = `#/signin?next=${encodeURIComponent(hash)}`;
    return;
  }
  const page = PAGES.find((candidate) => candidate.name === parts[0]) || PAGES[0];
  renderNav(page.name);
  document.title = `${page.title} · Pactbridge`;
  if (!allowed(page)) {
    fill(main, h('div', { class: 'problem', role: 'alert' }, h('strong', {}, 'Not for your roles'),
      h('p', {}, `${page.title} needs one of: ${page.roles.join(', ')}.`)));
    return;
  }
  main.dataset.page = page.name;
  try {
    await page.module.render(main, parts.slice(1), params);
  } catch (failure) {
    fill(main, problemBox(failure));
  }
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await session.signOut().catch(() => null);
  location.hash = '#/signin';
});
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
showClock();
route();
