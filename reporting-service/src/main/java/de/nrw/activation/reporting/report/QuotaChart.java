package de.nrw.activation.reporting.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

import static de.nrw.activation.reporting.report.Svg.element;
import static de.nrw.activation.reporting.report.Svg.fmt;
import static de.nrw.activation.reporting.report.Svg.rect;
import static de.nrw.activation.reporting.report.Svg.text;

/**
 * The integration and minijob quota per Jobcenter as a horizontal bar chart in SVG, labelled in
 * German as the dashboard it is shown on (Integrationsquote, Minijobquote): one bar
 * group ({@code <g class="jobcenter">}) per Jobcenter with N in its label, two bars each, a
 * scale from 0 to 100 %. Written with the JDK's StAX writer, so every text and attribute is
 * escaped. No chart library that writes SVG resolves here (JFreeSVG does not).
 */
final class QuotaChart {

    private static final String SVG = "http://www.w3.org/2000/svg";
    static final String INTEGRATION_COLOUR = "#1f5f99";
    static final String MINIJOB_COLOUR = "#e08a1e";
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 300;
    private static final int PLOT_WIDTH = 560;
    private static final int TOP = 90;
    private static final int ROW_HEIGHT = 46;
    private static final int BAR_HEIGHT = 16;

    /** Under a chart of the coordinator's perturbed figures (the dashboard says the same, docs/confidentiality.md). */
    static final List<String> PERTURBATION_NOTE = List.of(
            "Zum Schutz einzelner Personen sind jobcenterübergreifende Zahlen leicht verändert:",
            "kleine Fallzahlen erscheinen als 0, 3 oder 4, alle anderen weichen um höchstens 2 ab.");

    private QuotaChart() { }

    static String render(Report<WhereaboutsRow> report) {
        List<WhereaboutsRow> rows = report.rows();
        int height = TOP + Math.max(rows.size(), 1) * ROW_HEIGHT + 60 + (report.perturbed() ? 32 : 0);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter svg = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            svg.writeStartDocument("UTF-8", "1.0");
            svg.writeStartElement("svg");
            svg.writeDefaultNamespace(SVG);
            svg.writeAttribute("width", String.valueOf(WIDTH));
            svg.writeAttribute("height", String.valueOf(height));
            svg.writeAttribute("viewBox", "0 0 " + WIDTH + " " + height);
            svg.writeAttribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
            svg.writeAttribute("font-size", "13");
            svg.writeAttribute("role", "img");

            String phase = report.phaseId() == null ? "alle Phasen" : report.phaseId();
            element(svg, "title", "Integrations- und Minijobquote je Jobcenter, " + phase);
            rect(svg, 0, 0, WIDTH, height, "#ffffff", null);
            text(svg, 20, 30, "Integrations- und Minijobquote je Jobcenter (" + phase + ")", "start", "18", "bold", null);
            legend(svg, 20, 56);

            int plotBottom = TOP + Math.max(rows.size(), 1) * ROW_HEIGHT;
            for (int percent = 0; percent <= 100; percent += 20) {
                double x = LABEL_WIDTH + PLOT_WIDTH * percent / 100.0;
                svg.writeEmptyElement("line");
                svg.writeAttribute("x1", fmt(x));
                svg.writeAttribute("x2", fmt(x));
                svg.writeAttribute("y1", String.valueOf(TOP - 6));
                svg.writeAttribute("y2", String.valueOf(plotBottom));
                svg.writeAttribute("stroke", percent == 0 ? "#444444" : "#dddddd");
                text(svg, x, plotBottom + 18, percent + " %", "middle", "12", null, null);
            }

            int y = TOP;
            for (WhereaboutsRow row : rows) {
                svg.writeStartElement("g");
                svg.writeAttribute("class", "jobcenter");
                svg.writeAttribute("data-jobcenter", row.key());
                text(svg, LABEL_WIDTH - 10, y + 21, row.key() + " (N = " + row.n() + ")", "end", "13", null, null);
                bar(svg, "integration", "Integrationsquote", y + 4, row.integrationQuota(), row.integrationQuotaPercent(), INTEGRATION_COLOUR);
                bar(svg, "minijob", "Minijobquote", y + 4 + BAR_HEIGHT + 2, row.minijobQuota(), row.minijobQuotaPercent(), MINIJOB_COLOUR);
                svg.writeEndElement();
                y += ROW_HEIGHT;
            }
            if (rows.isEmpty()) {
                text(svg, LABEL_WIDTH, TOP + 24, "Keine Teilnahmen in dieser Auswahl", "start", "13", null, null);
            }
            int noteY = height - 12 - (report.perturbed() ? 32 : 0);
            text(svg, 20, noteY, "N = Teilnahmen mit Eintritt in der Auswahl.", "start", "11", null, null);
            if (report.perturbed()) {
                for (String line : PERTURBATION_NOTE) {
                    noteY += 16;
                    text(svg, 20, noteY, line, "start", "11", null, null);
                }
            }
            svg.writeEndElement();
            svg.writeEndDocument();
            svg.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the chart", e);
        }
        return out.toString();
    }

    private static void bar(XMLStreamWriter svg, String measure, String label, int y, java.math.BigDecimal quota, Integer percent,
                            String colour) throws XMLStreamException {
        if (quota == null) {
            text(svg, LABEL_WIDTH + 6, y + 12, label + ": keine Teilnahmen", "start", "11", null, null);
            return;
        }
        double width = PLOT_WIDTH * quota.doubleValue();
        svg.writeStartElement("rect");
        svg.writeAttribute("class", "bar " + measure);
        svg.writeAttribute("x", String.valueOf(LABEL_WIDTH));
        svg.writeAttribute("y", String.valueOf(y));
        svg.writeAttribute("width", fmt(width));
        svg.writeAttribute("height", String.valueOf(BAR_HEIGHT));
        svg.writeAttribute("fill", colour);
        svg.writeAttribute("data-quota", quota.toPlainString());
        element(svg, "title", label + " " + percent + " %");
        svg.writeEndElement();
        text(svg, LABEL_WIDTH + width + 6, y + 12.5, percent + " %", "start", "12", null, null);
    }

    private static void legend(XMLStreamWriter svg, int x, int y) throws XMLStreamException {
        rect(svg, x, y - 11, 14, 14, INTEGRATION_COLOUR, null);
        text(svg, x + 20, y, "Integrationsquote (Beschäftigung, Ausbildung, Selbständigkeit)", "start", "13", null, null);
        rect(svg, x + 470, y - 11, 14, 14, MINIJOB_COLOUR, null);
        text(svg, x + 490, y, "Minijobquote", "start", "13", null, null);
    }
}
