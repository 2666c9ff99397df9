package com.example.service.platform.errors;

import java.io.IOException;

/**
 * A request body of unknown length read past {@code service.web.max-request-body}: the read fails with it, and the
 * problem details answer 413.
 */
public final class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
