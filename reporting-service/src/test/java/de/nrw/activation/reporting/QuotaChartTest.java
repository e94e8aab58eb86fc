package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The SVG chart: valid XML, one bar group per Jobcenter with N in its label, bars as long as the quotas. */
@QuarkusTest
class QuotaChartTest {

    @Inject
    AgroalDataSource db;

    @Inject
    Projections projections;

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> groups(Document svg) {
        NodeList all = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<Element> groups = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if ("jobcenter".equals(g.getAttribute("class"))) {
                groups.add(g);
            }
        }
        return groups;
    }

    static List<Element> bars(Element group) {
        NodeList rects = group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            bars.add((Element) rects.item(i));
        }
        return bars;
    }

    @Test
    void theCoordinatorsChartDrawsTheReportsPerturbedFiguresOneBarGroupPerRowWithNInTheLabel() throws Exception {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts/chart")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        JsonPath report = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> groups = groups(document);
        List<String> keys = report.getList("rows.key");
        assertThat(groups).extracting(g -> g.getAttribute("data-jobcenter")).containsExactlyElementsOf(keys)
                .contains(data.large(), data.medium());
        for (Element group : groups) {
            String key = group.getAttribute("data-jobcenter");
            String row = "rows.find { it.key == '" + key + "' }.";
            assertThat(group.getTextContent()).contains(key + " (N = " + report.getInt(row + "n") + ")")
                    .contains(report.getInt(row + "integrationQuotaPercent") + " %");
            BigDecimal quota = new BigDecimal(report.getString(row + "integrationQuota"));
            assertThat(new BigDecimal(bars(group).get(0).getAttribute("data-quota"))).isEqualByComparingTo(quota);
            assertThat(Double.parseDouble(bars(group).get(0).getAttribute("width")))
                    .isCloseTo(560 * quota.doubleValue(), within(0.05)); // the chart writes widths with one decimal
        }
        assertThat(document.getDocumentElement().getTextContent())
                .contains("Zum Schutz einzelner Personen sind jobcenterübergreifende Zahlen leicht verändert");
    }

    @Test
    void staffSeeTheirOwnJobcentersBarsOnly() throws Exception {
        Scenario s = WhereaboutsReportTest.categories().send();
        ReadModel.awaitApplied(db, projections, s.eventIds());

        String svg = s.asStaff().get("/api/v1/reports/whereabouts/chart").then().statusCode(200).extract().asString();
        List<Element> groups = groups(parse(svg));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).getTextContent()).contains(s.jobcenter + " (N = 15)").contains("47 %").contains("7 %");
        assertThat(bars(groups.get(0))).hasSize(2);
        assertThat(svg).doesNotContain("Zum Schutz einzelner Personen");
    }
}
