package com.example.service.platform.messaging;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/deadletters}: letters waiting per dead-letter topic. {@code POST /actuator/deadletters} with
 * {@code {"topic": "<dlt>", "max": 10}}: replay them to their original topic. Needs scope {@code service.ops:admin}; see
 * runbooks/dead-letters.md.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    Map<String, Long> waiting() {
        return deadLetters.waiting();
    }

    @WriteOperation
    DeadLetters.Replayed replay(String topic, @Nullable Integer max) {
        return deadLetters.replay(topic, max == null ? 100 : max);
    }
}
