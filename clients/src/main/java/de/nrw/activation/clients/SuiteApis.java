package de.nrw.activation.clients;

import de.nrw.activation.clients.groups.api.AttendanceApi;
import de.nrw.activation.clients.groups.api.GroupsApi;
import de.nrw.activation.clients.groups.api.ParticipationsApi;
import de.nrw.activation.clients.groups.api.SessionsApi;
import de.nrw.activation.clients.outcomes.api.FollowUpsApi;
import de.nrw.activation.clients.outcomes.api.OutcomesApi;
import de.nrw.activation.clients.participants.api.ParticipantsApi;
import de.nrw.activation.clients.reporting.api.ProjectionsApi;
import de.nrw.activation.clients.reporting.api.ReportsApi;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The suite's four APIs through the clients generated from the services' OpenAPI documents: one
 * {@code ApiClient} per service (its own Jackson mapper, a 10 s connect timeout), the resource
 * APIs the use cases need. The only hand-written class of this module.
 */
public record SuiteApis(ParticipantsApi participants, GroupsApi groups, SessionsApi sessions,
                        ParticipationsApi participations, AttendanceApi attendance, OutcomesApi outcomes,
                        FollowUpsApi followUps, ReportsApi reports, ProjectionsApi projections) {

    /** The services' base URLs, e.g. http://127.0.0.1:8081. */
    public record Urls(String participants, String groups, String outcomes, String reporting) { }

    /**
     * @param interceptor applied to every request (the caller's Authorization header, say); null for none
     * @param readTimeout how long one answer may take; null for no limit
     */
    public static SuiteApis of(Urls urls, Consumer<HttpRequest.Builder> interceptor, Duration readTimeout) {
        var participants = new de.nrw.activation.clients.participants.ApiClient(http(),
                de.nrw.activation.clients.participants.ApiClient.createDefaultObjectMapper(), urls.participants())
                .setRequestInterceptor(interceptor).setReadTimeout(readTimeout);
        var groups = new de.nrw.activation.clients.groups.ApiClient(http(),
                de.nrw.activation.clients.groups.ApiClient.createDefaultObjectMapper(), urls.groups())
                .setRequestInterceptor(interceptor).setReadTimeout(readTimeout);
        var outcomes = new de.nrw.activation.clients.outcomes.ApiClient(http(),
                de.nrw.activation.clients.outcomes.ApiClient.createDefaultObjectMapper(), urls.outcomes())
                .setRequestInterceptor(interceptor).setReadTimeout(readTimeout);
        var reporting = new de.nrw.activation.clients.reporting.ApiClient(http(),
                de.nrw.activation.clients.reporting.ApiClient.createDefaultObjectMapper(), urls.reporting())
                .setRequestInterceptor(interceptor).setReadTimeout(readTimeout);
        return new SuiteApis(new ParticipantsApi(participants), new GroupsApi(groups), new SessionsApi(groups),
                new ParticipationsApi(groups), new AttendanceApi(groups), new OutcomesApi(outcomes),
                new FollowUpsApi(outcomes), new ReportsApi(reporting), new ProjectionsApi(reporting));
    }

    /** The HTTP status of a generated client's ApiException (0 for an I/O failure); -1 for any other failure. */
    public static int status(Throwable failure) {
        Answer answer = answerOf(failure);
        return answer == null ? -1 : answer.status();
    }

    /** The answer's body of a generated client's ApiException (a problem+json document); null for any other failure. */
    public static String responseBody(Throwable failure) {
        Answer answer = answerOf(failure);
        return answer == null ? null : answer.body();
    }

    /** What a refused call was answered; each service's client throws its own ApiException. */
    private record Answer(int status, String body) { }

    private static Answer answerOf(Throwable failure) {
        if (failure instanceof de.nrw.activation.clients.participants.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } else if (failure instanceof de.nrw.activation.clients.groups.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } else if (failure instanceof de.nrw.activation.clients.outcomes.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        } else if (failure instanceof de.nrw.activation.clients.reporting.ApiException e) {
            return new Answer(e.getCode(), e.getResponseBody());
        }
        return null;
    }

    private static HttpClient.Builder http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    }
}
