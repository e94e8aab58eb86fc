package de.nrw.activation.reporting;

import de.nrw.activation.reporting.projection.Projections;
import de.nrw.activation.testsupport.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
    void theCoordinatorsChartHasOneBarGroupPerJobcenterWithNInTheLabel() throws Exception {
        ThreeJobcenters data = ThreeJobcenters.send();
        ReadModel.awaitApplied(db, projections, data.eventIds());

        String svg = given().auth().oauth2(Tokens.coordinator()).queryParam("phaseId", data.phase())
                .get("/api/v1/reports/whereabouts/chart")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> groups = groups(document);
        assertThat(groups).extracting(g -> g.getAttribute("data-jobcenter"))
                .containsExactlyInAnyOrder(data.small(), data.medium(), data.large());

        Element large = groups.stream().filter(g -> g.getAttribute("data-jobcenter").equals(data.large())).findFirst().orElseThrow();
        assertThat(large.getTextContent()).contains(data.large() + " (N = 10)").contains("40 %").contains("0 %");
        assertThat(bars(large)).extracting(b -> b.getAttribute("class") + "=" + b.getAttribute("data-quota"))
                .containsExactly("bar integration=0.4", "bar minijob=0");
        assertThat(Double.parseDouble(bars(large).get(0).getAttribute("width"))).isEqualTo(224.0); // 40 % of 560

        Element small = groups.stream().filter(g -> g.getAttribute("data-jobcenter").equals(data.small())).findFirst().orElseThrow();
        assertThat(small.getTextContent()).contains("N = unterdrückt").contains("Integrationsquote unterdrückt");
        assertThat(bars(small)).isEmpty();
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
    }
}
