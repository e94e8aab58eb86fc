// The coordinator's dashboard: reads the report API of reporting-service and shows it as
// accessible tables, the quota chart and CSV downloads. No framework, no build step.
import { ApiError, claimsOf, forgetToken, getBlob, getJson, query, storeToken, storedToken } from './api.js';
import {
  COMPARISON_ROWS, PROVIDER_TYPES, SUSTAINABILITY_COLUMNS, TOTAL_LABEL, WHEREABOUTS_COLUMNS, WHEREABOUTS_SHARES,
  callerLabel, dimensionHeading, keyLabel, noReportAccess,
} from './labels.js';
import { loadFigures } from './figures.js';

const $ = id => document.getElementById(id);
const numbers = new Intl.NumberFormat('de-DE');
const times = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });
const NBSP = '\u00a0';
const STATUS_REFRESH_MS = 30000;

/** What the tables currently show, so that a download is exactly that (not the form's unsaved state). */
const shown = { whereabouts: null, sustainability: null, comparison: null, trend: null, structure: null };
let loadCounter = 0;
let chartUrl = null;
let statusTimer = null;
/** Whether the signed-in role may read the reports at all (provider staff and data protection may not). */
let readsReports = false;

/** Creates an element with attributes (properties for 'text', 'hidden') and children. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter(child => child !== null && child !== undefined));
  return element;
}

// --- sign-in -----------------------------------------------------------------------------

function showMessage(text) {
  const box = $('message');
  box.textContent = text;
  box.hidden = !text;
}

/** The sign-in at the identity provider (authorization code flow with PKCE, oidc-client-ts). */
let userManager = null;

async function createUserManager() {
  // the service names the provider and the client: the deployment decides, not this page
  const response = await fetch('/dashboard/sign-in-config', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`sign-in configuration: HTTP ${response.status}`);
  }
  const config = await response.json();
  const here = new URL('/dashboard/', location.href).href;
  const manager = new oidc.UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    scope: 'openid',
    // renews the access token with the refresh token shortly before it expires
    automaticSilentRenew: true,
    // the session ends with the browser tab
    userStore: new oidc.WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addUserLoaded(user => storeToken(user.access_token));
  manager.events.addAccessTokenExpired(() => signOut('Die Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.'));
  manager.events.addSilentRenewError(() => signOut('Die Anmeldung konnte nicht verlängert werden. Bitte melden Sie sich neu an.'));
  manager.events.addUserSignedOut(() => signOut('Sie wurden beim Anmeldedienst abgemeldet.'));
  return manager;
}

function signedIn(user) {
  storeToken(user.access_token);
  const claims = claimsOf(user.access_token) || {};
  const name = user.profile?.preferred_username || claims.preferred_username;
  $('who').textContent = name ? `${name}, ${callerLabel(claims)}` : callerLabel(claims);
  $('sign-in-form').hidden = true;
  $('signed-in').hidden = false;
  const refusal = noReportAccess(claims);
  readsReports = !refusal;
  if (refusal) {
    // no figures and no calls for them: the page says why instead
    $('reports').hidden = true;
    clearInterval(statusTimer);
    showMessage(refusal);
    return;
  }
  $('reports').hidden = false;
  showView();
  refreshStatus();
  clearInterval(statusTimer);
  statusTimer = setInterval(refreshStatus, STATUS_REFRESH_MS);
}

function signOut(message = '') {
  forgetToken();
  readsReports = false;
  userManager?.removeUser();
  clearInterval(statusTimer);
  $('reports').hidden = true;
  $('signed-in').hidden = true;
  $('sign-in-form').hidden = false;
  showMessage(message);
  $('sign-in-button').focus();
}

async function onSignIn() {
  try {
    await userManager.signinRedirect({ url_state: location.hash });
  } catch {
    showMessage('Der Anmeldedienst ist nicht erreichbar. Bitte versuchen Sie es später noch einmal.');
  }
}

async function onSignOut() {
  forgetToken();
  try {
    // ends the session at the provider too, then comes back to this page
    await userManager.signoutRedirect();
  } catch {
    signOut('Sie sind abgemeldet.');
  }
}

/** Finishes a sign-in that comes back from the provider, or resumes a session of this tab. */
async function startSession() {
  try {
    userManager = await createUserManager();
  } catch {
    showMessage('Die Anmeldung ist derzeit nicht möglich: der Anmeldedienst ist nicht eingerichtet oder nicht erreichbar.');
    $('sign-in-button').disabled = true;
    return;
  }
  const params = new URLSearchParams(location.search);
  if (params.has('state') && (params.has('code') || params.has('error'))) {
    try {
      const user = await userManager.signinRedirectCallback();
      history.replaceState(null, '', location.pathname + (user.url_state || ''));
      signedIn(user);
    } catch {
      history.replaceState(null, '', location.pathname);
      showMessage('Die Anmeldung ist fehlgeschlagen. Bitte melden Sie sich neu an.');
    }
    return;
  }
  if (params.has('state')) {
    // back from signing out at the provider
    await userManager.signoutRedirectCallback().catch(() => null);
    history.replaceState(null, '', location.pathname);
    showMessage('Sie sind abgemeldet.');
    return;
  }
  const user = await userManager.getUser();
  if (user && !user.expired) {
    signedIn(user);
  }
}

// --- selection and views -----------------------------------------------------------------

function currentView() {
  if (location.hash === '#struktur') {
    return 'figures';
  }
  return location.hash === '#vergleich' ? 'comparison' : 'whereabouts';
}

function showView() {
  const view = currentView();
  $('view-whereabouts').hidden = view !== 'whereabouts';
  $('view-comparison').hidden = view !== 'comparison';
  $('view-figures').hidden = view !== 'figures';
  $('group-by-field').hidden = view !== 'whereabouts';
  for (const link of document.querySelectorAll('.views a')) {
    if (link.dataset.view === view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  load();
}

function selection() {
  const form = $('filter');
  return {
    phaseId: form.phaseId.value.trim().toUpperCase(),
    from: form.from.value,
    to: form.to.value,
    groupBy: form.groupBy.value,
  };
}

function describe(sel) {
  const parts = [sel.phaseId ? `Phase ${sel.phaseId}` : 'alle Phasen'];
  if (sel.from || sel.to) {
    parts.push(`Eintritt ${sel.from ? `ab ${formatDate(sel.from)}` : ''}${sel.from && sel.to ? ' ' : ''}${sel.to ? `bis ${formatDate(sel.to)}` : ''}`);
  }
  return parts.join(', ');
}

function formatDate(iso) {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

async function load() {
  if (!storedToken() || !readsReports) {
    return;
  }
  const sel = selection();
  const ticket = ++loadCounter;
  showMessage('');
  try {
    if (currentView() === 'figures') {
      await loadFiguresView(sel, ticket);
    } else if (currentView() === 'comparison') {
      await loadComparison(sel, ticket);
    } else {
      await loadWhereabouts(sel, ticket);
    }
  } catch (error) {
    if (ticket === loadCounter) {
      handleError(error);
    }
  }
}

function handleError(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      signOut('Die Anmeldung ist abgelaufen oder wurde nicht anerkannt. Bitte melden Sie sich neu an.');
      return;
    }
    if (error.status === 403) {
      showMessage('Ihre Rolle darf diese Auswertung nicht abrufen (nur Koordinierungsstelle und Jobcenter-Mitarbeitende).');
      return;
    }
    const fields = (error.problem?.errors || error.problem?.violations || [])
      .map(v => `${v.field || v.name || ''}: ${v.message || v.detail || ''}`).join('; ');
    showMessage(`Die Auswertung konnte nicht geladen werden (${error.status}): ${error.message}${fields ? ` – ${fields}` : ''}`);
    return;
  }
  showMessage(`Die Auswertung konnte nicht geladen werden: ${error.message}`);
}

function announce(text) {
  $('announce').textContent = text;
}

// --- cells ---------------------------------------------------------------------------------

/** A field of a row; {@code field} may name a nested one ("exitsByReason.dropout"). */
function valueOf(row, field) {
  return field.split('.').reduce((object, name) => (object === null || object === undefined ? undefined : object[name]), row);
}

/** "vorläufig" beside a quota whose row still has participations that can change. */
function provisionalMark(row) {
  if (!(row.provisional > 0)) {
    return null;
  }
  return el('span', {
    class: 'provisional', title: `${numbers.format(row.provisional)} der Teilnahmen dieser Zeile können sich noch ändern (noch nicht beendet oder Austritt vor weniger als drei Monaten)`,
    text: ` vorläufig (${numbers.format(row.provisional)})`,
  });
}

/** A data cell: a count, a whole percentage (marked "vorläufig" with the provisional count) or "–" (no denominator). */
function cell(row, field, kind, extra = {}) {
  const value = valueOf(row, field);
  const attributes = { 'data-field': field, ...extra };
  if (value === null || value === undefined) {
    return el('td', { ...attributes, class: 'none', title: 'keine Angabe (kein Nenner)' },
      el('span', { 'aria-hidden': 'true', text: '–' }), el('span', { class: 'visually-hidden', text: 'keine Angabe' }));
  }
  if (kind === 'percent') {
    return el('td', attributes, `${numbers.format(value)}${NBSP}%`, provisionalMark(row));
  }
  return el('td', attributes, numbers.format(value));
}

/** The coordinator's cross-Jobcenter figures are perturbed (cell key method): the note under the tables says so. */
function isPerturbed(report) {
  return Boolean(report && report.perturbed);
}

// --- view: whereabouts, chart, sustainability ---------------------------------------------------

async function loadWhereabouts(sel, ticket) {
  const params = { phaseId: sel.phaseId, groupBy: sel.groupBy, from: sel.from, to: sel.to };
  const path = `/reports/whereabouts${query(params)}`;
  const sustainabilityPath = `/reports/sustainability${query(params)}`;
  setBusy(['whereabouts-table', 'sustainability-table', 'chart'], true);
  const [whereabouts, sustainability] = await Promise.all([getJson(path), getJson(sustainabilityPath)]);
  if (ticket !== loadCounter) {
    return;
  }
  renderWhereabouts(whereabouts, sel);
  renderSustainability(sustainability, sel);
  setBusy(['whereabouts-table', 'sustainability-table'], false);
  shown.whereabouts = { path, filename: csvName('verbleib', sel, sel.groupBy) };
  shown.sustainability = { path: sustainabilityPath, filename: csvName('nachhaltigkeit', sel, sel.groupBy) };
  $('download-whereabouts').disabled = false;
  $('download-sustainability').disabled = false;
  announce(`Verbleib nach ${dimensionHeading(sel.groupBy)} geladen: ${whereabouts.rows.length} Zeilen und die Summenzeile.`);
  await loadChart(sel, ticket);
}

function setBusy(ids, busy) {
  ids.forEach(id => $(id).setAttribute('aria-busy', String(busy)));
}

function renderWhereabouts(report, sel) {
  const groupBy = report.groupBy || sel.groupBy;
  const colgroups = [el('colgroup', { span: 2 })];
  WHEREABOUTS_COLUMNS.forEach(() => colgroups.push(el('colgroup', { span: 2 })));
  colgroups.push(el('colgroup', { span: WHEREABOUTS_SHARES.length }));

  const top = el('tr', {},
    el('th', { scope: 'col', rowspan: 2, text: dimensionHeading(groupBy) }),
    el('th', { scope: 'col', rowspan: 2 }, el('abbr', { title: 'Anzahl der Teilnahmen', text: 'N' })));
  const bottom = el('tr');
  for (const column of WHEREABOUTS_COLUMNS) {
    top.append(el('th', { scope: 'colgroup', colspan: 2, text: column.label }));
    bottom.append(el('th', { scope: 'col', text: 'Anzahl' }), el('th', { scope: 'col', text: column.percentLabel }));
  }
  for (const share of WHEREABOUTS_SHARES) {
    top.append(el('th', { scope: 'col', rowspan: 2, text: share.label }));
  }

  const line = (row, label, isTotal) => {
    const tr = el('tr', { 'data-key': isTotal ? 'total' : row.key, class: isTotal ? 'total' : null },
      el('th', { scope: 'row', text: label }), cell(row, 'n', 'count'));
    for (const column of WHEREABOUTS_COLUMNS) {
      tr.append(cell(row, column.count, 'count'), cell(row, column.percent, 'percent'));
    }
    for (const share of WHEREABOUTS_SHARES) {
      tr.append(cell(row, share.percent, 'percent'));
    }
    return tr;
  };

  const caption = el('caption', {},
    `Verbleib nach ${dimensionHeading(groupBy)} – ${describe(sel)}`,
    report.jobcenterId ? ` – nur Jobcenter ${keyLabel('jobcenter', report.jobcenterId)}` : '');
  const table = el('table', { class: 'report', id: 'whereabouts' }, caption, ...colgroups,
    el('thead', {}, top, bottom),
    el('tbody', {}, ...report.rows.map(row => line(row, keyLabel(groupBy, row.key), false))),
    report.total ? el('tfoot', {}, line(report.total, TOTAL_LABEL, true)) : null);
  if (report.rows.length === 0) {
    table.querySelector('tbody').append(el('tr', {}, el('td', { colspan: 20, text: 'Keine Teilnahmen in dieser Auswahl.' })));
  }
  $('whereabouts-table').replaceChildren(table);
  $('perturbation-note').hidden = !isPerturbed(report);
}

function renderSustainability(report, sel) {
  const groupBy = report.groupBy || sel.groupBy;
  const head = el('tr', {}, el('th', { scope: 'col', text: dimensionHeading(groupBy) }),
    ...SUSTAINABILITY_COLUMNS.map(column => el('th', { scope: 'col', text: column.label })));
  const line = (row, label, isTotal) => el('tr', { 'data-key': isTotal ? 'total' : row.key, class: isTotal ? 'total' : null },
    el('th', { scope: 'row', text: label }),
    ...SUSTAINABILITY_COLUMNS.map(column => cell(row, column.field, column.kind)));
  const table = el('table', { class: 'report', id: 'sustainability' },
    el('caption', { text: `Nachhaltigkeit, Eingliederungsquote und Verbleibsquote nach ${dimensionHeading(groupBy)} – ${describe(sel)}` }),
    el('thead', {}, head),
    el('tbody', {}, ...report.rows.map(row => line(row, keyLabel(groupBy, row.key), false))),
    report.total ? el('tfoot', {}, line(report.total, TOTAL_LABEL, true)) : null);
  $('sustainability-table').replaceChildren(table);
  if (isPerturbed(report)) {
    $('perturbation-note').hidden = false;
  }
}

async function loadChart(sel, ticket) {
  const target = $('chart');
  try {
    const blob = await getBlob(`/reports/whereabouts/chart${query({ phaseId: sel.phaseId })}`, 'image/svg+xml');
    if (ticket !== loadCounter) {
      return;
    }
    if (chartUrl) {
      URL.revokeObjectURL(chartUrl);
    }
    // As an <img>, the SVG is a picture only: nothing in it can run in the page.
    chartUrl = URL.createObjectURL(blob);
    target.replaceChildren(el('img', {
      id: 'chart-image', src: chartUrl,
      alt: `Balkendiagramm: Integrationsquote und Minijobquote je Jobcenter, ${describe({ phaseId: sel.phaseId })}.`,
    }));
  } catch (error) {
    target.replaceChildren(el('p', { class: 'note', text: `Das Diagramm ist nicht verfügbar (${error.message}).` }));
  } finally {
    target.setAttribute('aria-busy', 'false');
  }
}

// --- view: Jobcenter vs. Bildungsträger --------------------------------------------------------

async function loadComparison(sel, ticket) {
  const params = { phaseId: sel.phaseId, groupBy: 'providerType', from: sel.from, to: sel.to };
  const path = `/reports/whereabouts${query(params)}`;
  setBusy(['comparison-table'], true);
  const [whereabouts, sustainability] = await Promise.all([
    getJson(path), getJson(`/reports/sustainability${query(params)}`)]);
  if (ticket !== loadCounter) {
    return;
  }
  const byKey = report => Object.fromEntries(report.rows.map(row => [row.key, row]));
  const sources = { w: byKey(whereabouts), s: byKey(sustainability) };
  const totals = { w: whereabouts.total || {}, s: sustainability.total || {} };
  const columns = [...PROVIDER_TYPES.map(type => ({ key: type, label: keyLabel('providerType', type) })),
    { key: 'total', label: TOTAL_LABEL }];

  const head = el('tr', {}, el('th', { scope: 'col', text: 'Kennzahl' }),
    ...columns.map(column => el('th', { scope: 'col', text: column.label === 'Jobcenter' ? 'Jobcenter (eigene Gruppen)' : column.label })));
  const rows = COMPARISON_ROWS.map(indicator => el('tr', { 'data-indicator': indicator.field },
    el('th', { scope: 'row', text: indicator.label }),
    ...columns.map(column => {
      const row = column.key === 'total' ? totals[indicator.source] : sources[indicator.source][column.key];
      if (!row) {
        return el('td', { 'data-key': column.key, class: 'none' }, el('span', { text: 'keine Gruppen' }));
      }
      const td = cell(row, indicator.field, indicator.kind, { 'data-key': column.key });
      const count = indicator.count ? valueOf(row, indicator.count) : null;
      if (count !== null && count !== undefined && row[indicator.field] !== null) {
        // the count right after the quota, before any "vorläufig" mark
        td.insertBefore(el('span', { class: 'count', text: ` (${numbers.format(count)})` }), td.querySelector('.provisional'));
      }
      return td;
    })));
  const table = el('table', { class: 'report comparison', id: 'comparison' },
    el('caption', { text: `Jobcenter-eigene Gruppen und Gruppen von Bildungsträgern – ${describe(sel)}; in Klammern die Anzahl` }),
    el('thead', {}, head), el('tbody', {}, ...rows));
  $('comparison-table').replaceChildren(table);
  setBusy(['comparison-table'], false);
  $('perturbation-note').hidden = !(isPerturbed(whereabouts) || isPerturbed(sustainability));
  shown.comparison = { path, filename: csvName('verbleib', sel, 'providerType') };
  $('download-comparison').disabled = false;
  announce('Vergleich Jobcenter und Bildungsträger geladen.');
}

// --- view: Entwicklung und Struktur (figures.js) ------------------------------------------------------

async function loadFiguresView(sel, ticket) {
  setBusy(['trend-chart', 'structure-chart', 'structure-table', 'kinds-table', 'exits-table'], true);
  const reports = await loadFigures(sel, { el, cell, describe, isCurrent: () => ticket === loadCounter });
  if (ticket !== loadCounter) {
    return;
  }
  setBusy(['trend-chart', 'structure-chart', 'structure-table', 'kinds-table', 'exits-table'], false);
  $('perturbation-note').hidden = !reports.some(isPerturbed);
  const base = { phaseId: sel.phaseId, from: sel.from, to: sel.to };
  shown.trend = { path: `/reports/whereabouts${query({ ...base, groupBy: 'entryQuarter' })}`, filename: csvName('verbleib', sel, 'entryQuarter') };
  shown.structure = { path: `/reports/structure${query(base)}`, filename: csvName('struktur', sel, 'jobcenter') };
  $('download-trend').disabled = false;
  $('download-structure').disabled = false;
  announce('Entwicklung je Quartal, Struktur und Ergebnis je Jobcenter geladen.');
}

// --- CSV download and projection status ------------------------------------------------------------

function csvName(prefix, sel, groupBy) {
  return [prefix, sel.phaseId || 'alle-phasen', groupBy, sel.from, sel.to].filter(Boolean).join('_') + '.csv';
}

async function download(which) {
  const what = shown[which];
  if (!what) {
    return;
  }
  try {
    // German column titles (lang=de): the file is for people; scripts call the API without it.
    const blob = await getBlob(`${what.path}${what.path.includes('?') ? '&' : '?'}lang=de`, 'text/csv');
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: what.filename, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    announce(`CSV-Datei ${what.filename} wird heruntergeladen.`);
  } catch (error) {
    handleError(error);
  }
}

async function refreshStatus() {
  const target = $('freshness');
  try {
    const status = await getJson('/projections/status');
    const topics = status.topics || [];
    const times_ = topics.map(t => t.lastEventTime).filter(Boolean).map(t => new Date(t));
    const newest = times_.length ? new Date(Math.max(...times_)) : null;
    const lag = topics.reduce((sum, t) => sum + (t.lag || 0), 0);
    const stopped = topics.some(t => t.lag === null || t.lag === undefined);
    let text = newest ? `Daten vom ${times.format(newest)} Uhr.` : 'Noch keine Daten eingegangen.';
    target.classList.toggle('behind', lag > 0 || stopped);
    if (lag > 0) {
      text += ` Die Auswertung ist noch nicht auf dem neuesten Stand: ${numbers.format(lag)} Ereignisse sind noch nicht verarbeitet.`;
    } else if (stopped) {
      text += ' Die Verarbeitung neuer Ereignisse läuft derzeit nicht; die Zahlen können veraltet sein.';
    } else {
      text += ' Alle eingegangenen Ereignisse sind verarbeitet.';
    }
    if (status.rebuild && status.rebuild.state === 'BUILDING') {
      text += ' Die Auswertungsdaten werden gerade neu aufgebaut; bis dahin gelten die bisherigen Zahlen.';
    }
    target.textContent = text;
    target.hidden = false;
  } catch (error) {
    // Jobcenter staff may not read the projection status: then the page says nothing about it.
    target.hidden = true;
    if (error instanceof ApiError && error.status === 401) {
      signOut('Die Anmeldung ist abgelaufen oder wurde nicht anerkannt. Bitte melden Sie sich neu an.');
    }
  }
}

// --- start ---------------------------------------------------------------------------------

$('sign-in-button').addEventListener('click', onSignIn);
$('sign-out').addEventListener('click', onSignOut);
$('filter').addEventListener('submit', event => {
  event.preventDefault();
  load();
});
$('download-whereabouts').addEventListener('click', () => download('whereabouts'));
$('download-sustainability').addEventListener('click', () => download('sustainability'));
$('download-comparison').addEventListener('click', () => download('comparison'));
$('download-trend').addEventListener('click', () => download('trend'));
$('download-structure').addEventListener('click', () => download('structure'));
window.addEventListener('hashchange', () => storedToken() && readsReports && showView());
startSession();
