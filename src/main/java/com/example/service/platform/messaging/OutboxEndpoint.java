package com.example.service.platform.messaging;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/outbox}: the incomplete publications. {@code POST /actuator/outbox} with
 * {@code {"olderThan": "PT1M"}}: resubmit those older than that (all of them without it). Needs scope
 * {@code service.ops:admin}; see runbooks/outbox-backlog.md.
 */
@Component
@Endpoint(id = "outbox")
class OutboxEndpoint {

    private final Outbox outbox;

    OutboxEndpoint(Outbox outbox) {
        this.outbox = outbox;
    }

    @ReadOperation
    Outbox.Backlog backlog() {
        return outbox.backlog(20);
    }

    @WriteOperation
    Outbox.Backlog resubmit(@Nullable Duration olderThan) {
        return outbox.resubmitOlderThan(olderThan == null ? Duration.ZERO : olderThan);
    }
}
