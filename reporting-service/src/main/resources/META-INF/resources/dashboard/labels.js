// German labels for the report API's keys and dimensions (the API speaks English codes).

/** Display names of the Jobcenters of Phase I and II (ids as in domain.md). */
const JOBCENTERS = {
  bochum: 'Bochum', 'kreis-coesfeld': 'Kreis Coesfeld', 'kreis-dueren': 'Kreis Düren', duesseldorf: 'Düsseldorf',
  hamm: 'Hamm', herne: 'Herne', muelheim: 'Mülheim', 'rhein-kreis-neuss': 'Rhein-Kreis Neuss',
  'kreis-paderborn': 'Kreis Paderborn', 'kreis-steinfurt': 'Kreis Steinfurt', 'kreis-euskirchen': 'Kreis Euskirchen',
  'kreis-guetersloh': 'Kreis Gütersloh', 'kreis-heinsberg': 'Kreis Heinsberg', 'kreis-herford': 'Kreis Herford',
  koeln: 'Köln', remscheid: 'Remscheid', 'kreis-warendorf': 'Kreis Warendorf', wuppertal: 'Wuppertal',
};

/** The dimensions a report can be grouped by: the column heading of the row keys and the keys' labels. */
export const DIMENSIONS = {
  jobcenter: { heading: 'Jobcenter', keys: JOBCENTERS },
  providerType: { heading: 'Träger', keys: { JOBCENTER: 'Jobcenter', EDUCATION_PROVIDER: 'Bildungsträger' } },
  ageBand: { heading: 'Altersgruppe', keys: { UNDER_25: 'unter 25 Jahre', AGE_25_TO_49: '25 bis 49 Jahre', AGE_50_PLUS: '50 Jahre und älter' } },
  gender: { heading: 'Geschlecht', keys: { FEMALE: 'weiblich', MALE: 'männlich', DIVERSE: 'divers', UNSPECIFIED: 'ohne Angabe' } },
  customerType: { heading: 'Kundentyp', keys: { NEW: 'Neukunde', EXISTING: 'Bestandskunde' } },
  labourMarketDistance: { heading: 'Arbeitsmarktnähe', keys: { CLOSE: 'marktnah', DISTANT: 'marktfern' } },
  vocationalQualification: { heading: 'Berufsabschluss', keys: { true: 'mit Berufsabschluss', false: 'ohne Berufsabschluss' } },
  entryQuarter: { heading: 'Eintrittsquartal', keys: {} },
  entryMonth: { heading: 'Eintrittsmonat', keys: {} },
};

export const TOTAL_LABEL = 'Insgesamt';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
  'November', 'Dezember'];

/** The label of one row key of a dimension; unknown keys are shown as they are. */
export function keyLabel(groupBy, key) {
  if (key === 'UNKNOWN') {
    return 'unbekannt';
  }
  const quarter = groupBy === 'entryQuarter' && /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    return `${quarter[2]}. Quartal ${quarter[1]}`;
  }
  const month = groupBy === 'entryMonth' && /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  }
  const dimension = DIMENSIONS[groupBy];
  return (dimension && dimension.keys[key]) || key;
}

export function dimensionHeading(groupBy) {
  return (DIMENSIONS[groupBy] || DIMENSIONS.jobcenter).heading;
}

/** The columns of the whereabouts table: a count and, where there is one, its quota (percent fields of the API). */
export const WHEREABOUTS_COLUMNS = [
  { label: 'Integration', count: 'integrations', percent: 'integrationQuotaPercent', percentLabel: 'Integrationsquote' },
  { label: 'Minijob', count: 'minijobs', percent: 'minijobQuotaPercent', percentLabel: 'Minijobquote' },
  { label: 'arbeitslos', count: 'unemployed', percent: 'unemployedQuotaPercent', percentLabel: 'Quote' },
  { label: 'Sonstiges', count: 'other', percent: 'otherQuotaPercent', percentLabel: 'Quote' },
  { label: 'Abbruch ohne anderen Verbleib', count: 'dropouts', percent: 'dropoutQuotaPercent', percentLabel: 'Anteil' },
  { label: 'offen', count: 'open', percent: 'openQuotaPercent', percentLabel: 'Anteil' },
  { label: 'Integration während der Teilnahme', count: 'fastIntegrations', percent: 'fastIntegrationQuotaPercent', percentLabel: 'Quote' },
  { label: 'Abbruchquote (alle Abbrüche)', count: 'exitsByReason.dropout', percent: 'dropoutRatePercent', percentLabel: 'Quote' },
];

/** Shares of N shown as single columns. */
export const WHEREABOUTS_SHARES = [
  { label: 'Anteil marktnah', percent: 'closeSharePercent' },
  { label: 'Anteil mit Berufsabschluss', percent: 'qualifiedSharePercent' },
];

export const SUSTAINABILITY_COLUMNS = [
  { label: 'N', field: 'n', kind: 'count' },
  { label: 'Integrierte', field: 'integrated', kind: 'count' },
  { label: 'davon nach 6 Monaten nachbefragt', field: 'checkedAtMonth6', kind: 'count' },
  { label: 'davon weiterhin integriert', field: 'stillIntegrated', kind: 'count' },
  { label: 'Nachhaltigkeit', field: 'sustainabilityPercent', kind: 'percent' },
  { label: 'Beendete Teilnahmen, nach 6 Monaten nachbefragt', field: 'endedCheckedAtMonth6', kind: 'count' },
  { label: 'davon in svB oder Ausbildung', field: 'placed', kind: 'count' },
  { label: 'davon nicht arbeitslos', field: 'notUnemployed', kind: 'count' },
  { label: 'Eingliederungsquote', field: 'placementRatePercent', kind: 'percent' },
  { label: 'Verbleibsquote', field: 'notUnemployedRatePercent', kind: 'percent' },
  { label: 'Integrierte, nach 12 Monaten nachbefragt', field: 'checkedAtMonth12', kind: 'count' },
  { label: 'davon weiterhin integriert', field: 'stillIntegratedAtMonth12', kind: 'count' },
  { label: 'Nachhaltigkeit nach 12 Monaten', field: 'sustainability12Percent', kind: 'percent' },
];

/** The indicators of the side-by-side comparison, one row each: from the whereabouts (w) or sustainability (s) report. */
export const COMPARISON_ROWS = [
  { label: 'Teilnahmen (N)', source: 'w', field: 'n', kind: 'count' },
  { label: 'Integrationsquote', source: 'w', field: 'integrationQuotaPercent', count: 'integrations', kind: 'percent' },
  { label: 'Minijobquote', source: 'w', field: 'minijobQuotaPercent', count: 'minijobs', kind: 'percent' },
  { label: 'arbeitslos 3 Monate nach Austritt', source: 'w', field: 'unemployedQuotaPercent', count: 'unemployed', kind: 'percent' },
  { label: 'sonstiger Verbleib 3 Monate nach Austritt', source: 'w', field: 'otherQuotaPercent', count: 'other', kind: 'percent' },
  { label: 'Abbruch ohne anderen Verbleib (Kategorie)', source: 'w', field: 'dropoutQuotaPercent', count: 'dropouts', kind: 'percent' },
  { label: 'Abbruchquote (alle Abbrüche)', source: 'w', field: 'dropoutRatePercent', count: 'exitsByReason.dropout', kind: 'percent' },
  { label: 'offen', source: 'w', field: 'openQuotaPercent', count: 'open', kind: 'percent' },
  { label: 'Integrationen während der Teilnahme', source: 'w', field: 'fastIntegrationQuotaPercent', count: 'fastIntegrations', kind: 'percent' },
  { label: 'Anteil marktnah', source: 'w', field: 'closeSharePercent', count: 'closeToLabourMarket', kind: 'percent' },
  { label: 'Anteil mit Berufsabschluss', source: 'w', field: 'qualifiedSharePercent', count: 'qualified', kind: 'percent' },
  { label: 'Nachhaltigkeit nach 6 Monaten', source: 's', field: 'sustainabilityPercent', count: 'stillIntegrated', kind: 'percent' },
  { label: 'Eingliederungsquote nach 6 Monaten', source: 's', field: 'placementRatePercent', count: 'placed', kind: 'percent' },
  { label: 'Verbleibsquote (nicht arbeitslos) nach 6 Monaten', source: 's', field: 'notUnemployedRatePercent', count: 'notUnemployed', kind: 'percent' },
  { label: 'Nachhaltigkeit nach 12 Monaten', source: 's', field: 'sustainability12Percent', count: 'stillIntegratedAtMonth12', kind: 'percent' },
  { label: 'vorläufig (Anzahl, kann sich noch ändern)', source: 'w', field: 'provisional', kind: 'count' },
];

/** The kinds of integration (whereabouts row, integrationKinds): count and share of all integrations. */
export const INTEGRATION_KINDS = [
  { label: 'sozialversicherungspflichtige Beschäftigung', count: 'employment', share: 'employmentShare' },
  { label: 'Ausbildung', count: 'apprenticeship', share: 'apprenticeshipShare' },
  { label: 'Selbständigkeit', count: 'selfEmployment', share: 'selfEmploymentShare' },
  { label: 'davon Zeitarbeit (Beschäftigung)', count: 'temporaryAgency', share: 'temporaryAgencyShare' },
  { label: 'davon befristet (Beschäftigung)', count: 'fixedTerm', share: 'fixedTermShare' },
];

/** Exits by reason (row.exitsByReason), whatever happened afterwards. */
export const EXIT_REASONS = [
  { label: 'regulär beendet', field: 'completed' },
  { label: 'Integration', field: 'integrated' },
  { label: 'Abbruch', field: 'dropout' },
  { label: 'sonstiger Grund', field: 'other' },
  { label: 'davon wegen Absage der Gruppe', field: 'groupCancelled' },
];

export const PROVIDER_TYPES = ['JOBCENTER', 'EDUCATION_PROVIDER'];

/** Who is signed in, from the token's claims (for display only; the API checks the token). */
export function callerLabel(claims) {
  const groups = claims.groups || [];
  if (groups.includes('coordinator')) {
    return 'Koordinierungsstelle (alle Jobcenter)';
  }
  if (groups.includes('jobcenter-staff')) {
    return `Jobcenter ${JOBCENTERS[claims.jobcenter] || claims.jobcenter} (nur eigene Daten)`;
  }
  if (groups.includes('ops')) {
    return 'Betrieb (keine Auswertungen)';
  }
  if (groups.includes('provider-staff')) {
    return 'Bildungsträger (keine Auswertungen)';
  }
  if (groups.includes('data-protection')) {
    return `Datenschutz Jobcenter ${JOBCENTERS[claims.jobcenter] || claims.jobcenter} (keine Auswertungen)`;
  }
  return claims.sub || 'unbekannte Rolle';
}

/**
 * Why the signed-in role sees no figures at all, or null when it may read the reports (the
 * coordinator, Jobcenter staff; ops see the projection status). Education providers' staff and
 * data-protection officers have no access to the state-wide figures: the service answers them
 * 404 and 403, so the page does not ask and says so instead.
 */
export function noReportAccess(claims) {
  const groups = claims.groups || [];
  if (groups.includes('provider-staff')) {
    return 'Kein Zugriff auf die landesweiten Auswertungen: Mitarbeitende von Bildungsträgern sehen hier keine Zahlen. '
      + 'Die Auswertungen sind der Koordinierungsstelle und den Jobcentern vorbehalten.';
  }
  if (groups.includes('data-protection')) {
    return 'Kein Zugriff auf die landesweiten Auswertungen: Die Rolle Datenschutz sieht hier keine Zahlen. '
      + 'Das Protokoll der Zugriffe auf personenbezogene Daten liefert der Teilnehmenden-Dienst.';
  }
  return null;
}
