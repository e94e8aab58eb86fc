package de.nrw.activation.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps raw ids out of the {@code uri} tag of every meter (HTTP server and client requests):
 * a tag value that is not a path template ({@code /api/v1/groups/{id}}) becomes {@code UNKNOWN}.
 * Quarkus tags a request with its JAX-RS template when one matched; when none did (a 405 on an id
 * path, a failure in the HTTP layer, a 5xx before routing) it uses the raw path, which would put
 * participant, group and participation ids into /q/metrics and make every id a new time series.
 * {@code quarkus.micrometer.binder.http-server.suppress4xx-errors=true} covers the 4xx answers;
 * this filter covers everything else.
 */
@Singleton
public class UriTags {

    public static final String UNKNOWN = "UNKNOWN";
    /** A template's parameter or a lowercase word such as {@code api}, {@code v1}, {@code app.js}. */
    private static final Pattern SEGMENT = Pattern.compile("\\{[^/{}]+\\}|[a-z][a-z0-9._-]{0,63}");
    /** Tag values Quarkus itself uses in place of a path. */
    private static final List<String> KEPT = List.of("NOT_FOUND", "REDIRECTION", UNKNOWN, "root", "/");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{4,}");

    @Produces
    @Singleton
    public MeterFilter templatesOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (uri == null || isTemplate(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add(tag.getKey().equals("uri") ? Tag.of("uri", UNKNOWN) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    /** True when {@code uri} is a path template or one of Quarkus' placeholders, and holds no id. */
    public static boolean isTemplate(String uri) {
        if (KEPT.contains(uri)) {
            return true;
        }
        if (!uri.startsWith("/") || UUID_LIKE.matcher(uri).find() || DIGITS.matcher(uri).find()) {
            return false;
        }
        for (String segment : uri.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }
}
