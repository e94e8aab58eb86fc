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

    private static HttpClient.Builder http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    }
}
