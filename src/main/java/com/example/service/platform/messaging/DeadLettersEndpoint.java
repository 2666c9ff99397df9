package com.example.service.platform.messaging;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/deadletters}: letters waiting in each of this service's dead-letter topics (those of the topics
 * and groups its listeners consume, never another service's). {@code POST /actuator/deadletters} with
 * {@code {"topic": "<dlt>", "max": 10}}: replay up to {@code max} (at most 1,000, 100 by default) to their original
 * topic. Needs scope {@code service.ops:admin}; see runbooks/dead-letters.md.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    /** The most letters one replay sends. */
    static final int MAX_REPLAY = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeadLettersEndpoint.class);

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    Map<String, Long> waiting() {
        return deadLetters.waiting();
    }

    @WriteOperation
    DeadLetters.Replayed replay(String topic, @Nullable Integer max, SecurityContext caller) {
        if (!deadLetters.topics().contains(topic)) {
            throw new InvalidEndpointRequestException(
                    "Not one of this service's dead-letter topics: " + topic + " (they are " + deadLetters.topics()
                            + ")",
                    "not one of this service's dead-letter topics");
        }
        int count = max == null ? 100 : max;
        if (count < 1 || count > MAX_REPLAY) {
            throw new InvalidEndpointRequestException(
                    "max must be 1 to " + MAX_REPLAY + ", not " + count, "max must be 1 to " + MAX_REPLAY);
        }
        log.info(
                "{} asked to replay up to {} letters of {}",
                caller.getPrincipal() == null
                        ? "An unknown caller"
                        : caller.getPrincipal().getName(),
                count,
                topic);
        return deadLetters.replay(topic, count);
    }
}
