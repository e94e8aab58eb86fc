package de.nrw.activation.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.nrw.activation.clients.SuiteApis;
import de.nrw.activation.testsupport.RunningSuite;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running suite's APIs through the clients generated from the services' OpenAPI documents
 * (module clients), for one caller: its bearer token goes with every request; and how a test
 * reads a generated client's failures.
 */
final class SuiteClients {

    private SuiteClients() { }

    static final ObjectMapper JSON = de.nrw.activation.clients.reporting.ApiClient.createDefaultObjectMapper();

    /** A generated client's call; each service's client throws its own ApiException. */
    interface Call<T> {
        T call() throws Exception;
    }

    static SuiteApis as(String token) {
        Consumer<HttpRequest.Builder> bearer = request -> {
            request.header("Authorization", "Bearer " + token);
            // An operation without a response body (DELETE, 204) is documented with only its problem+json errors, so
            // the generated client accepts only application/problem+json; the services' resources produce
            // application/json and answer such a request 406. Accept JSON as well until the documents and the
            // resources agree.
            String accept = request.copy().build().headers().firstValue("Accept").orElse("");
            if (!accept.contains("application/json")) {
                request.setHeader("Accept", accept.isEmpty() ? "application/json" : accept + ", application/json");
            }
        };
        RunningSuite suite = RunningSuite.get();
        return SuiteApis.of(new SuiteApis.Urls(suite.url("participants-service"), suite.url("groups-service"),
                suite.url("outcomes-service"), suite.url("reporting-service")), bearer, null);
    }

    /** The HTTP status a call answers with: 2xx when it succeeds, else its ApiException's code. */
    static int statusOf(Call<?> call) {
        try {
            call.call();
            return 200;
        } catch (Exception failure) {
            return status(failure);
        }
    }

    /** Calls until the target service has seen the events it needs (it answers 404 until then). */
    static <T> T awaitAnswer(Call<T> call) {
        Object[] answer = new Object[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                answer[0] = call.call();
                return true;
            } catch (Exception failure) {
                assertThat(status(failure)).as(String.valueOf(failure.getMessage())).isEqualTo(404);
                return false;
            }
        });
        @SuppressWarnings("unchecked")
        T result = (T) answer[0];
        return result;
    }

    /** The status of a generated client's ApiException (0 for an I/O failure); rethrows anything else. */
    static int status(Exception failure) {
        int status = SuiteApis.status(failure);
        if (status < 0) {
            throw new IllegalStateException(failure);
        }
        return status;
    }
}
