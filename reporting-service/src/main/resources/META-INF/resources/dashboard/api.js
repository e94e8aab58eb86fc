// The report API of this same origin, called with the signed-in user's access token (from the
// identity provider through oidc-client-ts; app.js keeps it current when the session is renewed).

let accessToken = null;

export function storedToken() {
  return accessToken;
}

export function storeToken(token) {
  accessToken = token;
}

export function forgetToken() {
  accessToken = null;
}

/** The claims of a JWT, for display only (the server verifies the signature); null if it is no JWT. */
export function claimsOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), c => c.charCodeAt(0)));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** An answer of the API other than 2xx, with the problem+json detail when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The query string of a selection; empty values are left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function get(path, accept) {
  const response = await fetch(`/api/v1${path}`, {
    headers: { Authorization: `Bearer ${storedToken()}`, Accept: accept },
    cache: 'no-store',
  });
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await get(path, 'application/json')).json();
}

export async function getBlob(path, accept) {
  return (await get(path, accept)).blob();
}
