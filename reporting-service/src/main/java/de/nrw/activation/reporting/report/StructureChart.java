package de.nrw.activation.reporting.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

import static de.nrw.activation.reporting.report.Svg.element;
import static de.nrw.activation.reporting.report.Svg.fmt;
import static de.nrw.activation.reporting.report.Svg.rect;
import static de.nrw.activation.reporting.report.Svg.text;

/**
 * Structure and result (slide 7) as an SVG scatter chart, labels in German: one dot
 * ({@code <g class="jobcenter">} with a {@code circle}) per Jobcenter at x = share close to the
 * labour market, y = integration quota, labelled with the Jobcenter and N: the report's figures,
 * perturbed for the coordinator as in the table (said below the plot). Written with StAX, as the
 * quota chart.
 */
final class StructureChart {

    private static final String SVG = "http://www.w3.org/2000/svg";
    static final String DOT_COLOUR = "#1f5f99";
    private static final int WIDTH = 760;
    private static final int HEIGHT = 660;
    private static final int LEFT = 90;
    private static final int TOP = 70;
    private static final int PLOT = 460;

    private StructureChart() { }

    static String render(Report<StructureRow> report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter svg = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            svg.writeStartDocument("UTF-8", "1.0");
            svg.writeStartElement("svg");
            svg.writeDefaultNamespace(SVG);
            svg.writeAttribute("width", String.valueOf(WIDTH));
            svg.writeAttribute("height", String.valueOf(HEIGHT));
            svg.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
            svg.writeAttribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
            svg.writeAttribute("font-size", "13");
            svg.writeAttribute("role", "img");
            String phase = report.phaseId() == null ? "alle Phasen" : report.phaseId();
            String title = "Struktur und Ergebnis je Jobcenter (" + phase + ")";
            element(svg, "title", title);
            rect(svg, 0, 0, WIDTH, HEIGHT, "#ffffff", null);
            text(svg, 20, 30, title, "start", "18", "bold", null);

            int bottom = TOP + PLOT;
            for (int percent = 0; percent <= 100; percent += 20) {
                double x = LEFT + PLOT * percent / 100.0;
                double y = bottom - PLOT * percent / 100.0;
                line(svg, x, TOP, x, bottom, percent == 0 ? "#444444" : "#dddddd");
                line(svg, LEFT, y, LEFT + PLOT, y, percent == 0 ? "#444444" : "#dddddd");
                text(svg, x, bottom + 18, percent + " %", "middle", "12", null, null);
                text(svg, LEFT - 8, y + 4, percent + " %", "end", "12", null, null);
            }
            text(svg, LEFT + PLOT / 2.0, bottom + 44, "Anteil arbeitsmarktnah", "middle", "14", "bold", "axis-x");
            svg.writeStartElement("text");
            svg.writeAttribute("class", "axis-y");
            svg.writeAttribute("x", "0");
            svg.writeAttribute("y", "0");
            svg.writeAttribute("transform", "translate(28 " + fmt(TOP + PLOT / 2.0) + ") rotate(-90)");
            svg.writeAttribute("text-anchor", "middle");
            svg.writeAttribute("font-size", "14");
            svg.writeAttribute("font-weight", "bold");
            svg.writeAttribute("fill", "#222222");
            svg.writeCharacters("Integrationsquote");
            svg.writeEndElement();

            for (StructureRow row : report.rows()) {
                double x = LEFT + PLOT * row.closeShare().doubleValue();
                double y = bottom - PLOT * row.integrationQuota().doubleValue();
                svg.writeStartElement("g");
                svg.writeAttribute("class", "jobcenter");
                svg.writeAttribute("data-jobcenter", row.key());
                svg.writeAttribute("data-close-share", row.closeShare().toPlainString());
                svg.writeAttribute("data-integration-quota", row.integrationQuota().toPlainString());
                svg.writeStartElement("circle");
                svg.writeAttribute("cx", fmt(x));
                svg.writeAttribute("cy", fmt(y));
                svg.writeAttribute("r", "6");
                svg.writeAttribute("fill", DOT_COLOUR);
                element(svg, "title", row.key() + ": arbeitsmarktnah " + row.closeSharePercent()
                        + " %, Integrationsquote " + row.integrationQuotaPercent() + " %");
                svg.writeEndElement();
                text(svg, x + 9, y - 7, row.key() + " (N = " + row.n() + ")", "start", "12", null, "label");
                svg.writeEndElement();
            }
            int y = bottom + 72;
            if (report.rows().isEmpty()) {
                text(svg, LEFT, y, "Keine Teilnahmen in dieser Auswahl", "start", "13", null, null);
                y += 18;
            }
            if (report.perturbed()) {
                for (String line : QuotaChart.PERTURBATION_NOTE) {
                    text(svg, LEFT, y, line, "start", "11", null, "perturbation-note");
                    y += 16;
                }
            }
            text(svg, 20, HEIGHT - 12, "Ein Punkt je Jobcenter. N = Teilnahmen mit Eintritt in der Auswahl.", "start",
                    "11", null, null);
            svg.writeEndElement();
            svg.writeEndDocument();
            svg.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the chart", e);
        }
        return out.toString();
    }

    private static void line(XMLStreamWriter svg, double x1, double y1, double x2, double y2, String stroke)
            throws XMLStreamException {
        svg.writeEmptyElement("line");
        svg.writeAttribute("x1", fmt(x1));
        svg.writeAttribute("y1", fmt(y1));
        svg.writeAttribute("x2", fmt(x2));
        svg.writeAttribute("y2", fmt(y2));
        svg.writeAttribute("stroke", stroke);
    }
}
