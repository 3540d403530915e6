// The node's REST API as the pages use it: every path and the auth scheme in one place.
// Same origin only: no request leaves the node.

const BASE = '/api/v1';
const SAFE = ['GET', 'HEAD'];

/** Paths of the node service (issue 5). Functions take already-validated identifiers. */
export const PATHS = {
  me: () => `${BASE}/me`,
  /** Public: status, party, version, and the node's clock ({mode: 'real' | 'exercise', now, start}). */
  health: () => '/health',
  session: () => `${BASE}/session`,
  parties: () => `${BASE}/parties`,
  sources: () => `${BASE}/sources`,
  exercises: () => `${BASE}/exercises`,
  partners: (code, at) => `${BASE}/parties/${encodeURIComponent(code)}/partners?at=${encodeURIComponent(at)}`,
  agreements: (at) => `${BASE}/agreements?at=${encodeURIComponent(at)}`,
  agreement: (id, at) => `${BASE}/agreements/${encodeURIComponent(id)}?at=${encodeURIComponent(at)}`,
  coverage: (at, parties, topics) =>
    `${BASE}/coverage?at=${encodeURIComponent(at)}&parties=${encodeURIComponent(parties)}${topics ? '&topics=' + encodeURIComponent(topics) : ''}`,
  whatif: () => `${BASE}/whatif`,
  decisions: () => `${BASE}/decisions`,
  items: () => `${BASE}/items`,
  itemSearch: () => `${BASE}/items/search`,
  item: (id) => `${BASE}/items/${encodeURIComponent(id)}`,
  itemDecisions: (id) => `${BASE}/items/${encodeURIComponent(id)}/decisions`,
  itemReleases: (id) => `${BASE}/items/${encodeURIComponent(id)}/releases`,
  itemExports: (id) => `${BASE}/items/${encodeURIComponent(id)}/exports`,
  consents: (state) => `${BASE}/consents${state ? '?state=' + encodeURIComponent(state) : ''}`,
  consentAnswer: (id) => `${BASE}/consents/${encodeURIComponent(id)}/answer`,
  /** Entries from cursor `from` (null: the first, or the newest with order=newest), filtered by the node. */
  auditEntries: (from, limit, filters) => {
    const query = new URLSearchParams(filters || {});
    if (from !== null && from !== undefined) {
      query.set('from', from);
    }
    query.set('limit', limit);
    return `${BASE}/audit/entries?${query}`;
  },
  auditVerify: () => `${BASE}/audit/verify`,
};

/** A failed call: the RFC 9457 problem the node answered with, or a transport failure. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || this.problem.reason || null;
  }
}

// The session lives in an HttpOnly cookie the node sets at sign-in (script cannot read it, so an
// injected script cannot carry the token away). The page keeps, in memory only, who is signed in and
// the CSRF token that state-changing calls send as X-CSRF-Token. Nothing goes to local or session storage.
let current = null;

export const session = {
  user: () => (current ? current.user : null),
  signedIn: () => current !== null,
  roles: () => {
    const user = session.user();
    return user && Array.isArray(user.roles) ? user.roles.map((role) => String(role).toLowerCase().replace(/_/g, '-')) : [];
  },
  has: (...roles) => session.roles().some((role) => roles.includes(role)),

  /** Asks the node who the cookie belongs to (after a reload, or when the CSRF token went stale). */
  async load() {
    const response = await fetch(PATHS.session(), { headers: { Accept: 'application/json, application/problem+json' } });
    current = response.ok ? await response.json() : null;
    return current;
  },

  /** Sends the API token once; the node answers with the cookie and the CSRF token. The token is not kept. */
  async signIn(token) {
    const response = await fetch(PATHS.session(), {
      method: 'POST',
      headers: { Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` },
    });
    const data = await readBody(response);
    if (!response.ok) {
      current = null;
      throw new ApiError(response.status, data);
    }
    current = data;
    return current;
  },

  /** The node drops the cookie (the page cannot: it is HttpOnly). */
  async signOut() {
    try {
      await call('DELETE', PATHS.session());
    } finally {
      current = null;
    }
  },
};

async function readBody(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    return { title: text.slice(0, 200) };
  }
}

/** Calls the API; JSON in, JSON out. A 401 ends the session and sends the browser to sign-in. */
export async function call(method, path, body, retried) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (!SAFE.includes(method) && current && current.csrfToken) {
    headers['X-CSRF-Token'] = current.csrfToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, { title: 'The node cannot be reached', detail: String(error.message || error) });
  }
  const data = await readBody(response);
  // A restarted node has a new CSRF key: fetch the current token once and try again.
  if (response.status === 403 && data && data.code === 'CSRF_TOKEN_INVALID' && !retried && (await session.load())) {
    return call(method, path, body, true);
  }
  if (response.status === 401 && current) {
    current = null;
    if (!location.hash.startsWith('#/signin')) {
      location.hash = '#/signin';
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/**
 * POSTs JSON and answers a file: {blob, filename} from the body and its Content-Disposition. A problem
 * answer throws an ApiError as call does (the node answers refusals as problem+json, never as a file).
 */
export async function download(path, body) {
  const headers = { Accept: 'application/zip, application/problem+json', 'Content-Type': 'application/json' };
  if (current && current.csrfToken) {
    headers['X-CSRF-Token'] = current.csrfToken;
  }
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, { title: 'The node cannot be reached', detail: String(error.message || error) });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readBody(response));
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), filename: named ? named[1] : 'archive.tdf' };
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
