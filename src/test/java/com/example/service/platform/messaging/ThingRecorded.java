package com.example.service.platform.messaging;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** An event of the tests' own, so that the outbox is tested whichever modules the service has (keyed by its subject). */
@Externalized(ThingRecorded.TOPIC)
public record ThingRecorded(UUID eventId, UUID thingId, Instant recordedAt) implements IntegrationEvent {

    static final String TOPIC = "platform.thing-recorded.v1";

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }

    @Override
    public String subject() {
        return thingId.toString();
    }
}
