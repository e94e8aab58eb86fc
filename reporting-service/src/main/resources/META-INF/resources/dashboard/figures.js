// The view "Entwicklung und Struktur": the trend of the integration quota per entry quarter
// (drawn here as an SVG bar chart), structure and result per Jobcenter (the API's SVG and a
// table), the kinds of integration and the exits by reason. Kept apart from app.js; the
// page's helpers (el, cell, describe) are handed in.
import { getBlob, getJson, query } from './api.js';
import { EXIT_REASONS, INTEGRATION_KINDS, TOTAL_LABEL, keyLabel } from './labels.js';

const SVG = 'http://www.w3.org/2000/svg';
let structureUrl = null;

function svgEl(tag, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  if (text !== null) {
    element.textContent = text;
  }
  return element;
}

/** Integration quota per entry quarter as bars (a quarter without a quota is labelled "keine Angabe"). */
function trendChart(report, sel, page) {
  const rows = report.rows;
  const width = Math.max(560, 80 + rows.length * 70);
  const height = 300;
  const top = 40;
  const plot = 200;
  const svg = svgEl('svg', {
    id: 'trend-svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': 'trend-title', 'font-family': 'system-ui, sans-serif', 'font-size': '12',
  });
  svg.append(svgEl('title', { id: 'trend-title' }, `Integrationsquote je Eintrittsquartal – ${page.describe(sel)}`));
  for (let percent = 0; percent <= 100; percent += 25) {
    const y = top + plot - plot * percent / 100;
    svg.append(svgEl('line', { x1: 50, x2: width - 10, y1: y, y2: y, stroke: percent === 0 ? '#444' : '#ddd' }));
    svg.append(svgEl('text', { x: 44, y: y + 4, 'text-anchor': 'end' }, `${percent} %`));
  }
  svg.append(svgEl('text', { x: 50, y: 20, 'font-weight': 'bold', class: 'axis-y' }, 'Integrationsquote'));
  rows.forEach((row, i) => {
    const x = 60 + i * 70;
    const g = svgEl('g', { class: 'quarter', 'data-key': row.key });
    const label = keyLabel('entryQuarter', row.key);
    g.append(svgEl('text', { x: x + 25, y: top + plot + 18, 'text-anchor': 'middle' }, row.key.replace('-', ' ')));
    if (row.integrationQuotaPercent === null || row.integrationQuotaPercent === undefined) {
      g.append(svgEl('text', { x: x + 25, y: top + plot - 6, 'text-anchor': 'middle', class: 'none' }, 'keine Angabe'));
    } else {
      const h = plot * Number(row.integrationQuota);
      const bar = svgEl('rect', { x, y: top + plot - h, width: 50, height: h, fill: '#1f5f99', class: 'bar' });
      bar.append(svgEl('title', {}, `${label}: Integrationsquote ${row.integrationQuotaPercent} % (N = ${row.n})`));
      g.append(bar);
      const mark = row.provisional > 0 ? ' *' : '';
      g.append(svgEl('text', { x: x + 25, y: top + plot - h - 6, 'text-anchor': 'middle', class: 'value' },
        `${row.integrationQuotaPercent} %${mark}`));
    }
    svg.append(g);
  });
  svg.append(svgEl('text', { x: 50, y: height - 16 }, 'Eintrittsquartal. * vorläufig: Teilnahmen, deren Ergebnis sich noch ändern kann.'));
  return svg;
}

function table(page, id, caption, headings, rows) {
  const { el } = page;
  return el('table', { class: 'report', id }, el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...headings.map(h => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows));
}

function line(page, row, label, cells) {
  const { el } = page;
  return el('tr', { 'data-key': row.key, class: row.key === 'total' ? 'total' : null },
    el('th', { scope: 'row', text: label }), ...cells);
}

function trendTable(page, report, sel) {
  const rows = [...report.rows, report.total].filter(Boolean).map(row => line(page, row,
    row.key === 'total' ? TOTAL_LABEL : keyLabel('entryQuarter', row.key), [
      page.cell(row, 'n', 'count'), page.cell(row, 'integrations', 'count'),
      page.cell(row, 'integrationQuotaPercent', 'percent'), page.cell(row, 'dropoutRatePercent', 'percent'),
      page.cell(row, 'provisional', 'count')]));
  return table(page, 'trend', `Integrationsquote je Eintrittsquartal – ${page.describe(sel)}`,
    ['Eintrittsquartal', 'N', 'Integrationen', 'Integrationsquote', 'Abbruchquote (alle Abbrüche)', 'davon vorläufig'], rows);
}

function structureTable(page, report, sel) {
  const rows = [...report.rows, report.total].filter(Boolean).map(row => line(page, row,
    row.key === 'total' ? TOTAL_LABEL : keyLabel('jobcenter', row.key), [
      page.cell(row, 'n', 'count'), page.cell(row, 'closeSharePercent', 'percent'),
      page.cell(row, 'qualifiedSharePercent', 'percent'), page.cell(row, 'integrationQuotaPercent', 'percent')]));
  return table(page, 'structure', `Struktur und Ergebnis je Jobcenter – ${page.describe(sel)}`,
    ['Jobcenter', 'N', 'Anteil arbeitsmarktnah', 'Anteil mit Berufsabschluss', 'Integrationsquote'], rows);
}

function kindsTable(page, report, sel) {
  const all = [...report.rows, report.total].filter(Boolean);
  const headings = ['Art der Integration', ...all.map(row => row.key === 'total' ? TOTAL_LABEL : keyLabel('jobcenter', row.key))];
  const rows = INTEGRATION_KINDS.map(kind => page.el('tr', { 'data-kind': kind.count },
    page.el('th', { scope: 'row', text: kind.label }),
    ...all.map(row => {
      const kinds = row.integrationKinds || {};
      const td = page.cell(kinds, kind.count, 'count', { 'data-key': row.key });
      const share = kinds[kind.share];
      if (share !== null && share !== undefined) {
        td.append(page.el('span', { class: 'count', text: ` (${Math.round(Number(share) * 100)} %)` }));
      }
      return td;
    })));
  rows.unshift(page.el('tr', { 'data-kind': 'integrations' }, page.el('th', { scope: 'row', text: 'Integrationen insgesamt' }),
    ...all.map(row => page.cell(row, 'integrations', 'count', { 'data-key': row.key }))));
  return table(page, 'kinds', `Art der Integration je Jobcenter – ${page.describe(sel)}; in Klammern der Anteil an allen Integrationen`,
    headings, rows);
}

function exitsTable(page, report, sel) {
  const all = [...report.rows, report.total].filter(Boolean);
  const headings = ['Austrittsgrund', ...all.map(row => row.key === 'total' ? TOTAL_LABEL : keyLabel('jobcenter', row.key))];
  const rows = EXIT_REASONS.map(reason => page.el('tr', { 'data-reason': reason.field },
    page.el('th', { scope: 'row', text: reason.label }),
    ...all.map(row => page.cell(row, `exitsByReason.${reason.field}`, 'count', { 'data-key': row.key }))));
  rows.push(page.el('tr', { 'data-reason': 'dropoutRate' }, page.el('th', { scope: 'row', text: 'Abbruchquote (alle Abbrüche)' }),
    ...all.map(row => page.cell(row, 'dropoutRatePercent', 'percent', { 'data-key': row.key }))));
  return table(page, 'exits', `Austritte nach Grund je Jobcenter – ${page.describe(sel)} (unabhängig vom späteren Verbleib)`,
    headings, rows);
}

/** Loads and shows the view; {@code page}: {el, cell, describe, isCurrent}. */
export async function loadFigures(sel, page) {
  const base = { phaseId: sel.phaseId, from: sel.from, to: sel.to };
  const [trend, structure, byJobcenter] = await Promise.all([
    getJson(`/reports/whereabouts${query({ ...base, groupBy: 'entryQuarter' })}`),
    getJson(`/reports/structure${query(base)}`),
    getJson(`/reports/whereabouts${query({ ...base, groupBy: 'jobcenter' })}`),
  ]);
  if (!page.isCurrent()) {
    return [trend, structure, byJobcenter];
  }
  document.getElementById('trend-chart').replaceChildren(trendChart(trend, sel, page));
  document.getElementById('trend-table').replaceChildren(trendTable(page, trend, sel));
  document.getElementById('structure-table').replaceChildren(structureTable(page, structure, sel));
  document.getElementById('kinds-table').replaceChildren(kindsTable(page, byJobcenter, sel));
  document.getElementById('exits-table').replaceChildren(exitsTable(page, byJobcenter, sel));
  const target = document.getElementById('structure-chart');
  try {
    const blob = await getBlob(`/reports/structure/chart${query({ phaseId: sel.phaseId })}`, 'image/svg+xml');
    if (structureUrl) {
      URL.revokeObjectURL(structureUrl);
    }
    structureUrl = URL.createObjectURL(blob);
    target.replaceChildren(page.el('img', {
      id: 'structure-image', src: structureUrl,
      alt: `Punktdiagramm: je Jobcenter Anteil arbeitsmarktnah (waagerecht) und Integrationsquote (senkrecht), ${page.describe({ phaseId: sel.phaseId })}.`,
    }));
  } catch (error) {
    target.replaceChildren(page.el('p', { class: 'note', text: `Das Diagramm ist nicht verfügbar (${error.message}).` }));
  }
  return [trend, structure, byJobcenter];
}
