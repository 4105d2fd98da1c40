// Who is signed in and what they may do; the server enforces every permission, the page only
// avoids offering actions that would be refused.

import { dashboard, getJson, setToken, token } from './api.js';

let current = null;

export async function signIn(secret) {
  setToken(secret.trim());
  try {
    current = await getJson(dashboard('/me'));
    return current;
  } catch (e) {
    setToken(null);
    current = null;
    throw e;
  }
}

/** Restores the session of this tab, if its token is still valid. */
export async function resume() {
  if (!token()) {
    return null;
  }
  try {
    current = await getJson(dashboard('/me'));
  } catch (e) {
    setToken(null);
    current = null;
  }
  return current;
}

export function signOut() {
  setToken(null);
  current = null;
}

export function user() {
  return current;
}

export function may(permission) {
  return !!current && current.permissions.includes(permission);
}

export function roleLabel(role) {
  return {
    ADMIN: 'Administrator',
    COMPLIANCE_OFFICER: 'Compliance officer',
    AUDITOR: 'Auditor (read-only)',
  }[role] || role;
}
