package de.nrw.activation.platform.web;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** A page of a list answer: the items as body, the total in {@code X-Total-Count}. */
public final class Page {

    public static final String TOTAL_HEADER = "X-Total-Count";
    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "50";

    private Page() { }

    public static Response of(List<?> items, long total) {
        return Response.ok(items).header(TOTAL_HEADER, total).build();
    }
}
