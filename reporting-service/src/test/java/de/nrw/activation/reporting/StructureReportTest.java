package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structure and result per Jobcenter for the coordinator ({@link ThreeJobcenters}, every
 * participant close to the labour market and qualified): the same suppression as the
 * whereabouts report, in the table and in the chart.
 */
@QuarkusTest
class StructureReportTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    @Test
    void theCoordinatorSeesEachJobcentersStructureWithTheWhereaboutsSuppression() {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        JsonPath report = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/structure").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(report.getBoolean("suppressionApplied")).isTrue();
        Map<String, Object> small = row(report, data.small());
        assertThat(small).containsEntry("n", null).containsEntry("closeShare", null)
                .containsEntry("integrationQuota", null).containsEntry("suppressed", true);
        // medium: the minijob (1) hides the integrations (4) too, so its quota; its shares are 5 of 5
        Map<String, Object> medium = row(report, data.medium());
        assertThat(medium).containsEntry("n", 5).containsEntry("closeSharePercent", 100)
                .containsEntry("qualifiedSharePercent", 100).containsEntry("integrationQuota", null)
                .containsEntry("suppressed", true);
        assertThat(report.getList("rows.find { it.key == '" + data.medium() + "' }.suppressedFields"))
                .contains("integrationQuota", "integrationQuotaPercent").doesNotContain("closeShare");
        Map<String, Object> large = row(report, data.large());
        assertThat(large).containsEntry("n", 10).containsEntry("closeSharePercent", 100)
                .containsEntry("integrationQuotaPercent", 40).containsEntry("suppressed", false);
        assertThat(report.getMap("total")).containsEntry("n", 17).containsEntry("integrationQuotaPercent", 47);
        assertThat(report.getString("total.integrationQuota")).isEqualTo("0.4705882352941176");
    }

    @Test
    void theChartHasOneLabelledDotPerJobcenterWhoseFiguresAreShownAndGermanAxes() throws Exception {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/structure/chart")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        Document document = QuotaChartTest.parse(svg);
        List<Element> dots = QuotaChartTest.groups(document);
        assertThat(dots).extracting(g -> g.getAttribute("data-jobcenter")).containsExactly(data.large());
        Element large = dots.get(0);
        assertThat(large.getAttribute("data-close-share")).isEqualTo("1");
        assertThat(large.getAttribute("data-integration-quota")).isEqualTo("0.4");
        Element circle = (Element) large.getElementsByTagNameNS("*", "circle").item(0);
        // x: 90 + 460 * 100 %, y: 530 - 460 * 40 %
        assertThat(circle.getAttribute("cx")).isEqualTo("550.0");
        assertThat(circle.getAttribute("cy")).isEqualTo("346.0");
        assertThat(large.getTextContent()).contains(data.large() + " (N = 10)");

        assertThat(texts(document, "axis-x")).containsExactly("Anteil arbeitsmarktnah");
        assertThat(texts(document, "axis-y")).containsExactly("Integrationsquote");
        assertThat(texts(document, "suppressed")).singleElement().asString()
                .startsWith("Nicht dargestellt (unterdrückt, Geheimhaltung):").contains(data.small()).contains(data.medium());
        assertThat(document.getDocumentElement().getTextContent()).contains("Struktur und Ergebnis je Jobcenter")
                .doesNotContain("quota");
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
