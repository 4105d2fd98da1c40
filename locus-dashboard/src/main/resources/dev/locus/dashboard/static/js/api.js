// Calls to the control plane's REST API with the signed-in bearer token.

const TOKEN_KEY = 'locus.token';

export class ApiError extends Error {
  constructor(status, code, message, problems = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems; // [{field, value, message}] of a VALIDATION_FAILED answer
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

let onUnauthenticated = () => {};

/** Called when the server says the token is no longer valid. */
export function whenSignedOut(callback) {
  onUnauthenticated = callback;
}

async function request(method, path, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  const t = token();
  if (t) {
    headers.Authorization = `Bearer ${t}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-cache',
  });
  if (!response.ok) {
    let code = 'HTTP_' + response.status;
    let message = response.statusText || 'request failed';
    let problems = [];
    try {
      const err = (await response.json()).error;
      if (err) {
        code = err.code;
        message = err.message;
        problems = err.problems || [];
      }
    } catch (e) {
      // not a JSON error body; keep the status text
    }
    if (response.status === 401) {
      onUnauthenticated();
    }
    throw new ApiError(response.status, code, message, problems);
  }
  return response;
}

export async function getJson(path) {
  return (await request('GET', path)).json();
}

export async function postJson(path, body) {
  return (await request('POST', path, body)).json();
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path, fallbackName) {
  const response = await request('GET', path);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = match ? match[1] : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return a.download;
}

export const dashboard = (path) => `/api/v1/dashboard${path}`;

/** A record with its ETag, the version an edit of it must name in If-Match. */
export async function getVersioned(path) {
  const response = await request('GET', path);
  return { record: await response.json(), etag: response.headers.get('ETag') };
}

/** Replaces the named fields of a record last read at version {@code etag}; 409 when it changed since. */
export async function putVersioned(path, body, etag) {
  const response = await request('PUT', path, body, { 'If-Match': etag || '' });
  return { record: await response.json(), etag: response.headers.get('ETag') };
}
