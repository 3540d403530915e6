// The node's REST API as the pages use it: every path and the auth scheme in one place.
// Same origin only: no request leaves the node.

const BASE = '/api/v1';
const TOKEN_KEY = 'pactbridge.token';

/** Paths of the node service (issue 5). Functions take already-validated identifiers. */
export const PATHS = {
  me: () => `${BASE}/me`,
  parties: () => `${BASE}/parties`,
  sources: () => `${BASE}/sources`,
  agreements: (at) => `${BASE}/agreements?at=${encodeURIComponent(at)}`,
  agreement: (id, at) => `${BASE}/agreements/${encodeURIComponent(id)}?at=${encodeURIComponent(at)}`,
  coverage: (at, parties, topics) =>
    `${BASE}/coverage?at=${encodeURIComponent(at)}&parties=${encodeURIComponent(parties)}${topics ? '&topics=' + encodeURIComponent(topics) : ''}`,
  whatif: () => `${BASE}/whatif`,
  decisions: () => `${BASE}/decisions`,
  items: () => `${BASE}/items`,
  item: (id) => `${BASE}/items/${encodeURIComponent(id)}`,
  itemDecisions: (id) => `${BASE}/items/${encodeURIComponent(id)}/decisions`,
  itemReleases: (id) => `${BASE}/items/${encodeURIComponent(id)}/releases`,
  consents: (state) => `${BASE}/consents${state ? '?state=' + encodeURIComponent(state) : ''}`,
  consentAnswer: (id) => `${BASE}/consents/${encodeURIComponent(id)}/answer`,
  auditEntries: (from, limit) => `${BASE}/audit/entries?from=${from}&limit=${limit}`,
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

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  user: () => {
    const text = sessionStorage.getItem(TOKEN_KEY + '.user');
    return text ? JSON.parse(text) : null;
  },
  set(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(TOKEN_KEY + '.user', JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(TOKEN_KEY + '.user');
  },
  roles: () => {
    const user = session.user();
    return user && Array.isArray(user.roles) ? user.roles.map((role) => String(role).toLowerCase().replace(/_/g, '-')) : [];
  },
  has: (...roles) => session.roles().some((role) => roles.includes(role)),
};

/** Calls the API; JSON in, JSON out. A 401 clears the session and sends the browser to sign-in. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = session.token();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
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
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      data = { title: text.slice(0, 200) };
    }
  }
  if (response.status === 401 && token) {
    session.clear();
    if (!location.hash.startsWith('#/signin')) {
      location.hash = '#/signin';
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);

/** Fetches a path with the token and hands the body to the browser as a download. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${session.token()}` } });
  if (!response.ok) {
    throw new ApiError(response.status, null);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
