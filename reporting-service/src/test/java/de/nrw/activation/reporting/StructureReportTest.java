package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Structure and result per Jobcenter for the coordinator ({@link ThreeJobcenters}, every
 * participant close to the labour market and qualified): the whereabouts report's perturbed
 * figures, in the table and in the chart.
 */
@QuarkusTest
class StructureReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    @Test
    void theCoordinatorSeesEachJobcentersStructureAsInThePerturbedWhereaboutsReport() {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        JsonPath report = coordinator(data, "/api/v1/reports/structure");
        JsonPath whereabouts = coordinator(data, "/api/v1/reports/whereabouts");
        assertThat(report.getBoolean("perturbed")).isTrue();
        assertThat(report.getList("rows.key")).isEqualTo(whereabouts.getList("rows.key")).contains(data.large(), data.medium());
        for (String key : report.<String>getList("rows.key")) {
            Map<String, Object> row = row(report, key);
            Map<String, Object> same = row(whereabouts, key);
            for (String field : List.of("n", "closeShare", "closeSharePercent", "qualifiedShare", "qualifiedSharePercent",
                    "integrationQuota", "integrationQuotaPercent")) {
                assertThat(row.get(field)).as(key + " " + field).isEqualTo(same.get(field));
            }
            // everybody is close to the labour market and qualified: the same participations as N, the same number
            assertThat(row).containsEntry("closeSharePercent", 100).containsEntry("qualifiedSharePercent", 100);
        }
        assertThat(report.getMap("total")).containsEntry("n", whereabouts.get("total.n"))
                .containsEntry("integrationQuota", whereabouts.get("total.integrationQuota"));
        assertThat(report.getInt("total.n")).isBetween(15, 19); // 17, moved by at most 2
    }

    @Test
    void theChartHasOneLabelledDotPerRowAtItsPerturbedFiguresGermanAxesAndTheNote() throws Exception {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/structure/chart")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        JsonPath report = coordinator(data, "/api/v1/reports/structure");
        Document document = QuotaChartTest.parse(svg);
        List<Element> dots = QuotaChartTest.groups(document);
        assertThat(dots).extracting(g -> g.getAttribute("data-jobcenter"))
                .containsExactlyElementsOf(report.getList("rows.key"));
        for (Element dot : dots) {
            String key = dot.getAttribute("data-jobcenter");
            BigDecimal close = new BigDecimal(report.getString("rows.find { it.key == '" + key + "' }.closeShare"));
            BigDecimal quota = new BigDecimal(report.getString("rows.find { it.key == '" + key + "' }.integrationQuota"));
            assertThat(new BigDecimal(dot.getAttribute("data-close-share"))).isEqualByComparingTo(close);
            Element circle = (Element) dot.getElementsByTagNameNS("*", "circle").item(0);
            // x: 90 + 460 * close share, y: 530 - 460 * integration quota
            assertThat(Double.parseDouble(circle.getAttribute("cx"))).isCloseTo(90 + 460 * close.doubleValue(), within(0.1));
            assertThat(Double.parseDouble(circle.getAttribute("cy"))).isCloseTo(530 - 460 * quota.doubleValue(), within(0.1));
            assertThat(dot.getTextContent()).contains(key + " (N = " + report.getInt("rows.find { it.key == '" + key
                    + "' }.n") + ")");
        }

        assertThat(texts(document, "axis-x")).containsExactly("Anteil arbeitsmarktnah");
        assertThat(texts(document, "axis-y")).containsExactly("Integrationsquote");
        assertThat(String.join(" ", texts(document, "perturbation-note")))
                .startsWith("Zum Schutz einzelner Personen").contains("erscheinen als 0, 3 oder 4");
        assertThat(document.getDocumentElement().getTextContent()).contains("Struktur und Ergebnis je Jobcenter")
                .doesNotContain("quota").doesNotContain("unterdrückt");
    }

    private static JsonPath coordinator(ThreeJobcenters data, String path) {
        return given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase()).get(path)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath report, String key) {
        return report.getMap("rows.find { it.key == '" + key + "' }");
    }

    private static List<String> texts(Document document, String cssClass) {
        NodeList all = document.getElementsByTagNameNS("*", "text");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element text = (Element) all.item(i);
            if (text.getAttribute("class").equals(cssClass)) {
                found.add(text.getTextContent());
            }
        }
        return found;
    }
}
