package com.example.service.platform.errors;

import java.net.URI;

/**
 * Stable problem {@code type} URIs. Each slug names one failure and never changes meaning; {@code docs/problems.md}
 * describes them all.
 */
public final class ProblemTypes {

    static final String BASE = "https://example.com/problems/";

    public static final URI VALIDATION_FAILED = of("validation-failed");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INVALID_PARAMETER = of("invalid-parameter");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI CONCURRENT_UPDATE = of("concurrent-update");
    public static final URI REQUEST_FAILED = of("request-failed");
    public static final URI INTERNAL_ERROR = of("internal-error");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI REQUEST_REJECTED = of("request-rejected");
    public static final URI TOO_MANY_REQUESTS = of("too-many-requests");

    private ProblemTypes() {}

    /**
     * The type of a failure known only by its status: what the servlet container or the security firewall answered
     * before any handler ran ({@link ProblemErrorController}, {@link ProblemErrorReportValve}).
     */
    static URI forStatus(int status) {
        return switch (status) {
            case 400 -> REQUEST_REJECTED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 400 && status < 500 ? REQUEST_FAILED : INTERNAL_ERROR;
        };
    }

    /** The type URI for a failure a module defines, such as {@code order-not-found}. */
    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
