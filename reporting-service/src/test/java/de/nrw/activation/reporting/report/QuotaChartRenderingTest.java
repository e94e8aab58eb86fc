package de.nrw.activation.reporting.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart of the programme's Phase I evaluation figures (domain.md): ten Jobcenters with the
 * reference N, integration and minijob quotas. Also writes target/phase1-chart.svg to look at.
 */
class QuotaChartRenderingTest {

    static final String[] JOBCENTERS = {"bochum", "kreis-coesfeld", "kreis-dueren", "duesseldorf", "hamm", "herne",
            "muelheim", "rhein-kreis-neuss", "kreis-paderborn", "kreis-steinfurt"};
    static final int[] N = {65, 17, 52, 410, 31, 209, 71, 434, 265, 54};
    static final int[] INTEGRATION = {58, 35, 37, 32, 58, 33, 41, 32, 30, 7};
    static final int[] MINIJOB = {6, 24, 4, 5, 0, 15, 0, 4, 3, 13};

    static WhereaboutsRow row(String key, long n, long integrations, long minijobs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        WhereaboutsRow.COUNTS.forEach(name -> counts.put(name, 0L));
        counts.put("n", n);
        counts.put("integrations", integrations);
        counts.put("employment", integrations);
        counts.put("minijobs", minijobs);
        counts.put("unemployed", n - integrations - minijobs);
        return WhereaboutsRow.of(key, counts);
    }

    @Test
    void thePhaseOneFiguresGiveOneLabelledBarGroupPerJobcenter() throws Exception {
        List<WhereaboutsRow> rows = new ArrayList<>();
        for (int i = 0; i < JOBCENTERS.length; i++) {
            WhereaboutsRow row = row(JOBCENTERS[i], N[i], Math.round(N[i] * INTEGRATION[i] / 100.0),
                    Math.round(N[i] * MINIJOB[i] / 100.0));
            assertThat(row.integrationQuotaPercent()).isEqualTo(INTEGRATION[i]);
            assertThat(row.minijobQuotaPercent()).isEqualTo(MINIJOB[i]);
            rows.add(row);
        }
        Report<WhereaboutsRow> report = new Report<>("PHASE_1", "jobcenter", null, null, null, false, rows,
                row(Report.TOTAL, 1608, 0, 0));
        String svg = QuotaChart.render(report);
        Files.writeString(Path.of("target", "phase1-chart.svg"), svg);

        Document document = parse(svg);
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        assertThat(groups.getLength()).isEqualTo(10);
        Element herne = (Element) groups.item(5);
        assertThat(herne.getAttribute("data-jobcenter")).isEqualTo("herne");
        assertThat(herne.getTextContent()).contains("herne (N = 209)").contains("33 %").contains("15 %");
        assertThat(herne.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isEqualTo(2);
    }

    @Test
    void textIsEscaped() throws Exception {
        Report<WhereaboutsRow> report = new Report<>("PHASE_1", "jobcenter", null, null, null, false,
                List.of(row("<script>&\"x\"", 10, 3, 3)), row(Report.TOTAL, 10, 3, 3));
        String svg = QuotaChart.render(report);
        assertThat(svg).doesNotContain("<script>");
        assertThat(parse(svg).getDocumentElement().getTextContent()).contains("<script>&\"x\" (N = 10)");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
