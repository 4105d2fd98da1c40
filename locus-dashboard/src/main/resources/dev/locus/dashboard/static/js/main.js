// Entry point: sign-in, hash routing between the views, and the live alert badge.

import { whenSignedOut } from './api.js';
import { clear } from './dom.js';
import { resume, roleLabel, signIn, signOut, user } from './session.js';
import { startAlertWatch, stopAlertWatch } from './alert-watch.js';
import { renderMap } from './map-view.js';
import { renderFleet } from './fleet-view.js';
import { renderAlerts } from './alerts-view.js';
import { renderChip } from './chip-view.js';
import { renderLandmarks } from './landmarks-view.js';
import { renderParties, renderParty } from './party-view.js';
import { renderFindings } from './findings-view.js';
import { renderCase } from './case-view.js';
import { renderSiteCapacity } from './site-capacity.js';
import { renderAudit } from './audit-view.js';
import { renderRegistry } from './registry-view.js';

const view = document.getElementById('view');
const login = document.getElementById('login');
let teardown = () => {};

const ROUTES = [
  { pattern: /^#\/map$/, name: 'map', nav: 'map', render: (el) => renderMap(el) },
  { pattern: /^#\/fleet(?:\?(.*))?$/, name: 'fleet', nav: 'fleet', render: (el, m) => renderFleet(el, new URLSearchParams(m[1] || '')) },
  { pattern: /^#\/alerts$/, name: 'alerts', nav: 'alerts', render: (el) => renderAlerts(el) },
  { pattern: /^#\/chips\/(.+)$/, name: 'chip', nav: 'fleet', render: (el, m) => renderChip(el, m[1]) },
  { pattern: /^#\/landmarks$/, name: 'landmarks', nav: 'landmarks', render: (el) => renderLandmarks(el) },
  { pattern: /^#\/parties(?:\?(.*))?$/, name: 'parties', nav: 'parties', render: (el, m) => renderParties(el, new URLSearchParams(m[1] || '')) },
  { pattern: /^#\/parties\/(.+)$/, name: 'party', nav: 'parties', render: (el, m) => renderParty(el, decodeURIComponent(m[1])) },
  { pattern: /^#\/findings$/, name: 'findings', nav: 'findings', render: (el) => renderFindings(el) },
  { pattern: /^#\/cases\/(.+)$/, name: 'case', nav: 'findings', render: (el, m) => renderCase(el, decodeURIComponent(m[1])) },
  { pattern: /^#\/sites\/([^/]+)\/capacity$/, name: 'site-capacity', nav: 'findings', render: (el, m) => renderSiteCapacity(el, decodeURIComponent(m[1])) },
  { pattern: /^#\/audit(?:\?(.*))?$/, name: 'audit', nav: 'audit', render: (el, m) => renderAudit(el, new URLSearchParams(m[1] || '')) },
  { pattern: /^#\/registry(?:\/(\w+)(?:\/(.+))?)?$/, name: 'registry', nav: 'registry', render: (el, m) => renderRegistry(el, m[1], m[2] && decodeURIComponent(m[2])) },
];

function showLogin(message) {
  teardown();
  teardown = () => {};
  stopAlertWatch();
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  view.hidden = true;
  clear(view);
  login.hidden = false;
  const error = document.getElementById('login-error');
  error.hidden = !message;
  error.textContent = message || '';
  document.getElementById('token').focus();
}

function showApp() {
  const u = user();
  login.hidden = true;
  view.hidden = false;
  document.getElementById('nav').hidden = false;
  document.getElementById('who').hidden = false;
  document.getElementById('who-name').textContent = u.name;
  const role = document.getElementById('who-role');
  role.textContent = roleLabel(u.role);
  role.dataset.role = u.role;
  startAlertWatch();
  route();
}

async function route() {
  if (!user()) {
    return;
  }
  if (!location.hash || location.hash === '#') {
    history.replaceState(null, '', '#/map');
  }
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(location.hash) })).find((x) => x.m);
  teardown();
  teardown = () => {};
  clear(view);
  if (!match) {
    view.textContent = 'No such page.';
    return;
  }
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.view === match.r.nav) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
  const el = document.createElement('div');
  el.className = `view view-${match.r.name}`;
  view.append(el);
  try {
    const t = await match.r.render(el, match.m);
    if (typeof t === 'function') {
      teardown = t;
    }
  } catch (e) {
    el.append(errorBox(e));
  }
}

export function errorBox(e) {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `Could not load this view: ${e.message}${e.code ? ` (${e.code})` : ''}`;
  return p;
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('token');
  try {
    await signIn(input.value);
    input.value = '';
    showApp();
  } catch (e) {
    showLogin(e.status === 401 ? 'That token is unknown, revoked or malformed.' : `Sign-in failed: ${e.message}`);
  }
});

document.getElementById('logout').addEventListener('click', () => {
  signOut();
  showLogin('Signed out.');
});

whenSignedOut(() => {
  signOut();
  showLogin('Your session ended: the token was revoked or is no longer valid.');
});

window.addEventListener('hashchange', route);

(async () => {
  if (await resume()) {
    showApp();
  } else {
    showLogin();
  }
})();
