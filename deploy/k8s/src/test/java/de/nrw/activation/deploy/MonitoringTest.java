package de.nrw.activation.deploy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus scrapes every service, and every alert is about a metric the services publish and is documented. */
class MonitoringTest {

    /** The metrics the platform module publishes (Micrometer names in Prometheus form). */
    static final Set<String> SUITE_METRICS = Set.of(
            "up", "outbox_events_pending", "outbox_events_published_total", "outbox_relay_failures_total",
            "events_applied_total", "events_lag", "events_dead_lettered_total", "events_duplicates_total",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max");

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset");

    /** The metric names an expression reads: identifiers that are not functions, keywords or label names. */
    static List<String> metricsIn(String expr) {
        String stripped = expr
                .replaceAll("\\{[^}]*}", " ")                                   // label matchers
                .replaceAll("\\[[^]]*]", " ")                                   // range selectors
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");  // grouping label lists
        List<String> names = new java.util.ArrayList<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            if (!PROMQL_KEYWORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private final Rendered prod = Rendered.of("overlays/prod");

    @Test
    void theServiceMonitorScrapesTheMetricsPathOfEveryService() {
        ServiceMonitor monitor = prod.named(ServiceMonitor.class, "activation-suite");
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
            assertThat(e.getPath()).isEqualTo("/q/metrics");
            assertThat(e.getPort()).isEqualTo("http");
        });
        var selector = monitor.getSpec().getSelector().getMatchLabels();
        List<Service> scraped = prod.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
        assertThat(scraped).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Suite.SERVICES.stream().map(Suite.Svc::name).toList());
        assertThat(scraped).allSatisfy(s -> assertThat(s.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("http")));
    }

    @Test
    void everyAlertUsesOnlyMetricsTheSuitePublishesAndHasSeverityAndSummary() {
        List<Rule> alerts = alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
        for (Rule alert : alerts) {
            List<String> metrics = metricsIn(alert.getExpr().getStrVal());
            assertThat(metrics).as("%s reads metrics", alert.getAlert()).isNotEmpty();
            assertThat(metrics).as("%s reads only metrics the suite publishes", alert.getAlert()).allMatch(SUITE_METRICS::contains);
            assertThat(alert.getLabels()).containsKey("severity");
            assertThat(alert.getLabels().get("severity")).isIn("warning", "critical");
            assertThat(alert.getAnnotations()).containsKeys("summary", "description");
            if (alert.getFor() != null) {
                assertThat(Duration.parse("PT" + alert.getFor().toUpperCase()).isNegative()).isFalse();
            }
        }
    }

    @Test
    void theMetricExtractionFindsMetricsAndIgnoresFunctionsLabelsAndRanges() {
        assertThat(metricsIn("sum by (namespace, service) (rate(foo_total{status=~\"5..\"}[5m])) / max(bar) > 0.05 and baz"))
                .containsExactly("foo_total", "bar", "baz");
    }

    @Test
    void everyAlertIsExplainedInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Rendered.repoRoot().resolve("docs/operations.md"));
        alerts().forEach(a -> assertThat(guide.contains(a.getAlert())).as("docs/operations.md explains %s", a.getAlert()).isTrue());
    }

    private List<Rule> alerts() {
        return prod.named(PrometheusRule.class, "activation-suite").getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream()).filter(r -> r.getAlert() != null).toList();
    }
}
