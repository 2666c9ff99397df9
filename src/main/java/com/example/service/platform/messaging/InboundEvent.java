package com.example.service.platform.messaging;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvent read from Kafka, its payload checked against the topic's schema and bound to {@code T}.
 *
 * @param id {@code ce_id}: the producer's id of the event, the key for de-duplication
 */
public record InboundEvent<T>(
        String id,
        String type,
        URI source,
        @Nullable String subject,
        @Nullable Instant time,
        T data) {}
