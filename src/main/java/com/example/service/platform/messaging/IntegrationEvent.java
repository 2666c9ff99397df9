package com.example.service.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event that leaves the service. Annotate the record with
 * {@code @Externalized("<module>.<event-name>.v<major>")} and it is sent to that topic as a CloudEvent (binary mode):
 * {@link #eventId()} becomes {@code ce_id}, {@link #occurredAt()} {@code ce_time}, {@link #subject()} the record key and
 * {@code ce_subject}; every other component is the JSON payload, which its schema under {@code contracts/events} must
 * describe. Never put personal data in one.
 */
public interface IntegrationEvent {

    /** Unique per event and kept across redelivery and resubmission, so that consumers can de-duplicate on it. */
    UUID eventId();

    /** When the change happened. */
    Instant occurredAt();

    /** The entity the event is about; also the Kafka record key, so that its events stay in order. */
    String subject();
}
