package com.example.service.platform.messaging;

import java.time.Duration;
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
 * {@code GET /actuator/outbox}: the incomplete publications. {@code POST /actuator/outbox} with
 * {@code {"olderThan": "PT1M"}}: resubmit those older than that; resubmitting every one of them takes an explicit
 * {@code {"all": true}}. Each resubmission is logged with who asked. Needs scope {@code service.ops:admin}; see
 * runbooks/outbox-backlog.md.
 */
@Component
@Endpoint(id = "outbox")
class OutboxEndpoint {

    private static final Logger log = LoggerFactory.getLogger(OutboxEndpoint.class);

    private final Outbox outbox;

    OutboxEndpoint(Outbox outbox) {
        this.outbox = outbox;
    }

    @ReadOperation
    Outbox.Backlog backlog() {
        return outbox.backlog(20);
    }

    @WriteOperation
    Outbox.Backlog resubmit(@Nullable Duration olderThan, @Nullable Boolean all, SecurityContext caller) {
        if (olderThan == null && !Boolean.TRUE.equals(all)) {
            throw new InvalidEndpointRequestException(
                    "Say which publications to resubmit: olderThan (an ISO-8601 duration such as PT5M), or all: true",
                    "olderThan or all is required");
        }
        Duration age = olderThan == null ? Duration.ZERO : olderThan;
        log.info(
                "{} asked to resubmit the outbox's incomplete publications older than {}",
                caller.getPrincipal() == null
                        ? "An unknown caller"
                        : caller.getPrincipal().getName(),
                age);
        return outbox.resubmitOlderThan(age);
    }
}
