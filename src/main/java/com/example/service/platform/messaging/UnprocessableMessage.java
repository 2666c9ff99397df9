package com.example.service.platform.messaging;

/**
 * A message that can never succeed, however often it is retried: unparseable, against its schema, or about something
 * that does not exist. The consumer's error handler sends it straight to the dead-letter topic with {@link #getMessage()}
 * as the reason, and moves on to the next one.
 */
public class UnprocessableMessage extends RuntimeException {

    public UnprocessableMessage(String reason) {
        super(reason);
    }

    public UnprocessableMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
