package com.example.service.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox as operations see it: the backlog of incomplete publications (gauges
 * {@code events.outbox.incomplete} and {@code events.outbox.oldest.age}), the periodic resubmission of failed ones, and
 * the manual resubmission behind the {@code outbox} actuator endpoint.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final MessagingSettings settings;
    private final Clock clock;

    Outbox(
            JdbcClient jdbc,
            IncompleteEventPublications incomplete,
            MessagingSettings settings,
            Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.settings = settings;
        this.clock = clock;
        Gauge.builder(
                        "events.outbox.incomplete",
                        this,
                        outbox -> outbox.backlog().incomplete())
                .description("Event publications not yet completed (sent and acknowledged)")
                .register(registry);
        TimeGauge.builder(
                        "events.outbox.oldest.age",
                        this,
                        TimeUnit.SECONDS,
                        outbox -> outbox.backlog().oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest incomplete event publication")
                .register(registry);
    }

    /** What is waiting: counts by status, and the oldest publications (up to {@code limit}). */
    public Backlog backlog(int limit) {
        Map<String, Long> byStatus = jdbc
                .sql("""
                        select coalesce(status, 'PUBLISHED') as status, count(*) as publications
                        from event_publication where completion_date is null group by 1
                        """)
                .query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("publications")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Publication> oldest = jdbc.sql("""
                        select id, event_type, listener_id, coalesce(status, 'PUBLISHED') as status, publication_date,
                               coalesce(completion_attempts, 0) as attempts
                        from event_publication where completion_date is null
                        order by publication_date limit :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Publication(
                        rs.getObject("id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("listener_id"),
                        rs.getString("status"),
                        rs.getTimestamp("publication_date").toInstant(),
                        rs.getInt("attempts")))
                .list();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Instant oldestDate = oldest.isEmpty() ? null : oldest.get(0).publicationDate();
        return new Backlog(total, oldestDate, ageOf(oldestDate), byStatus, oldest);
    }

    Backlog backlog() {
        return backlog(1);
    }

    /** Resubmits failed publications, a batch at a time; Modulith marks each so that no other instance takes it. */
    @Scheduled(
            fixedDelayString = "${service.messaging.outbox.resubmission-interval:10s}",
            initialDelayString = "${service.messaging.outbox.resubmission-interval:10s}")
    void resubmitFailed() {
        incomplete.resubmitIncompletePublications(
                ResubmissionOptions.defaults().withBatchSize(settings.outbox().batchSize()));
    }

    /**
     * Resubmits every incomplete publication older than {@code olderThan}, whatever its status: for operators, after a
     * fix. A publication still in flight may be sent twice; consumers de-duplicate by {@code ce_id}.
     */
    public Backlog resubmitOlderThan(Duration olderThan) {
        log.info("Resubmitting incomplete event publications older than {}", olderThan);
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        return backlog(20);
    }

    private Duration ageOf(@Nullable Instant oldest) {
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    /** The incomplete publications: how many, by status, and the oldest. */
    public record Backlog(
            long incomplete,
            @Nullable Instant oldestPublicationDate,
            Duration oldestAge,
            Map<String, Long> byStatus,
            List<Publication> oldest) {}

    /** One incomplete publication of an event to one listener (the Kafka externalizer is a listener too). */
    public record Publication(
            UUID id, String eventType, String listenerId, String status, Instant publicationDate, int attempts) {}
}
