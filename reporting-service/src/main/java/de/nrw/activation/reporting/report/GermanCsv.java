package de.nrw.activation.reporting.report;

import java.util.Map;

/**
 * The German column titles of the reports' CSV ({@code lang=de}, what the dashboard downloads):
 * the words the coordinators use. The default CSV keeps the JSON field names (the contract).
 * Every column of the three reports has a title here; {@code CsvExport} refuses a column without one
 * (see GermanCsvTest), so a new figure cannot silently appear with an English title.
 */
final class GermanCsv {

    static final String YES = "ja";
    static final String NO = "nein";

    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("key", "Schlüssel"),
            Map.entry("n", "Teilnahmen (N)"),
            Map.entry("integrations", "Integrationen"),
            Map.entry("minijobs", "Minijobs"),
            Map.entry("unemployed", "arbeitslos nach 3 Monaten"),
            Map.entry("other", "sonstiger Verbleib nach 3 Monaten"),
            Map.entry("dropouts", "Abbruch ohne anderen Verbleib (ausschließliche Kategorie)"),
            Map.entry("open", "noch offen"),
            Map.entry("fastIntegrations", "Integrationen während der Teilnahme"),
            Map.entry("closeToLabourMarket", "arbeitsmarktnah"),
            Map.entry("qualified", "mit Berufsabschluss"),
            Map.entry("integrationQuota", "Integrationsquote (Anteil)"),
            Map.entry("integrationQuotaPercent", "Integrationsquote (%)"),
            Map.entry("minijobQuota", "Minijobquote (Anteil)"),
            Map.entry("minijobQuotaPercent", "Minijobquote (%)"),
            Map.entry("unemployedQuota", "Arbeitslosenquote nach 3 Monaten (Anteil)"),
            Map.entry("unemployedQuotaPercent", "Arbeitslosenquote nach 3 Monaten (%)"),
            Map.entry("otherQuota", "sonstiger Verbleib (Anteil)"),
            Map.entry("otherQuotaPercent", "sonstiger Verbleib (%)"),
            Map.entry("dropoutQuota", "Abbruch ohne anderen Verbleib (Anteil)"),
            Map.entry("dropoutQuotaPercent", "Abbruch ohne anderen Verbleib (%)"),
            Map.entry("openQuota", "noch offen (Anteil)"),
            Map.entry("openQuotaPercent", "noch offen (%)"),
            Map.entry("fastIntegrationQuota", "Integration während der Teilnahme (Anteil)"),
            Map.entry("fastIntegrationQuotaPercent", "Integration während der Teilnahme (%)"),
            Map.entry("closeShare", "Anteil arbeitsmarktnah"),
            Map.entry("closeSharePercent", "Anteil arbeitsmarktnah (%)"),
            Map.entry("qualifiedShare", "Anteil mit Berufsabschluss"),
            Map.entry("qualifiedSharePercent", "Anteil mit Berufsabschluss (%)"),
            Map.entry("employment", "sozialversicherungspflichtige Beschäftigung"),
            Map.entry("apprenticeship", "Ausbildung"),
            Map.entry("selfEmployment", "Selbständigkeit"),
            Map.entry("temporaryAgency", "davon Zeitarbeit"),
            Map.entry("fixedTerm", "davon befristet"),
            Map.entry("employmentShare", "Anteil Beschäftigung"),
            Map.entry("apprenticeshipShare", "Anteil Ausbildung"),
            Map.entry("selfEmploymentShare", "Anteil Selbständigkeit"),
            Map.entry("temporaryAgencyShare", "Anteil Zeitarbeit"),
            Map.entry("fixedTermShare", "Anteil befristet"),
            Map.entry("provisional", "davon vorläufig"),
            Map.entry("exitsByReason.completed", "Austritte: regulär beendet"),
            Map.entry("exitsByReason.integrated", "Austritte: Integration"),
            Map.entry("exitsByReason.dropout", "Austritte: Abbruch"),
            Map.entry("exitsByReason.other", "Austritte: sonstiger Grund"),
            Map.entry("exitsByReason.groupCancelled", "davon Gruppe abgesagt"),
            Map.entry("dropoutRate", "Abbruchquote (alle Abbrüche, Anteil)"),
            Map.entry("dropoutRatePercent", "Abbruchquote (alle Abbrüche, %)"),
            Map.entry("integrated", "integriert"),
            Map.entry("checkedAtMonth6", "integriert, nach 6 Monaten geprüft"),
            Map.entry("stillIntegrated", "nach 6 Monaten noch integriert"),
            Map.entry("sustainability", "Nachhaltigkeit nach 6 Monaten (Anteil)"),
            Map.entry("sustainabilityPercent", "Nachhaltigkeit nach 6 Monaten (%)"),
            Map.entry("ended", "beendet"),
            Map.entry("endedCheckedAtMonth6", "beendet, nach 6 Monaten geprüft"),
            Map.entry("placed", "sozialversicherungspflichtig nach 6 Monaten"),
            Map.entry("notUnemployed", "nicht arbeitslos nach 6 Monaten"),
            Map.entry("placementRate", "Eingliederungsquote (Anteil)"),
            Map.entry("placementRatePercent", "Eingliederungsquote (%)"),
            Map.entry("notUnemployedRate", "Verbleibsquote (Anteil)"),
            Map.entry("notUnemployedRatePercent", "Verbleibsquote (%)"),
            Map.entry("checkedAtMonth12", "integriert, nach 12 Monaten geprüft"),
            Map.entry("stillIntegratedAtMonth12", "nach 12 Monaten noch integriert"),
            Map.entry("sustainability12", "Nachhaltigkeit nach 12 Monaten (Anteil)"),
            Map.entry("sustainability12Percent", "Nachhaltigkeit nach 12 Monaten (%)"));

    private GermanCsv() { }

    static String title(String column) {
        String title = TITLES.get(column);
        if (title == null) {
            throw new IllegalStateException("No German title for the CSV column " + column);
        }
        return title;
    }
}
