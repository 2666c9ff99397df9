package com.example.service.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox: makes a consumer idempotent by message id. Call {@link #firstDelivery} in the transaction that applies the
 * message; when it answers {@code false} the message was applied before, so change nothing. Because the record
 * commits or rolls back with the change, a message is applied exactly once however often Kafka delivers it.
 */
@Component
public class ProcessedMessages {

    private static final Logger log = LoggerFactory.getLogger(ProcessedMessages.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry registry;

    ProcessedMessages(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
    }

    /** Records that {@code consumer} processes {@code messageId} now; {@code false} if it already had. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String messageId) {
        int inserted = jdbc.sql("""
                        insert into processed_messages (consumer, message_id, processed_at)
                        values (:consumer, :messageId, :now)
                        on conflict do nothing
                        """)
                .param("consumer", consumer)
                .param("messageId", messageId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            Counter.builder("messages.duplicates")
                    .description("Messages delivered again after they had been processed, and skipped")
                    .tag("consumer", consumer)
                    .register(registry)
                    .increment();
            log.info("Skipped message {}: {} has processed it before", messageId, consumer);
            return false;
        }
        return true;
    }
}
