package com.example.service.orders.jobs;

import static com.example.service.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.orders.IdempotencyKey;
import com.example.service.orders.IdempotencyKeyReused;
import com.example.service.orders.NewOrder;
import com.example.service.orders.Order;
import com.example.service.orders.OrderCancelled;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderStatus;
import com.example.service.orders.OrdersFeatures;
import com.example.service.orders.Payment;
import com.example.service.platform.jobs.JobRun;
import com.example.service.platform.messaging.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/**
 * The orders module's jobs through their triggers: each runs only while its flag is on, does its work on real
 * PostgreSQL, publishes what it changed, and is counted and traced.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderJobsIntegrationTests {

    @Autowired
    OrderJobs jobs;

    @Autowired
    OrderManagement orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeatureManager features;

    @Autowired
    MeterRegistry meters;

    @Autowired
    LocalKafka kafka;

    @Autowired
    RestTestClient http;

    @AfterEach
    void switchOff() {
        switchFlag(OrdersFeatures.ORDERS_EXPIRY_JOB, false);
        switchFlag(OrdersFeatures.ORDERS_RETENTION_JOB, false);
    }

    @Test
    void aSwitchedOffJobShouldDoNothing() {
        UUID order = placedHoursAgo(25);
        double before = runs(OrderJobs.EXPIRE_UNPAID, "switched-off");

        assertThat(jobs.expireUnpaid()).isEqualTo(JobRun.NOTHING);

        assertThat(orders.find(order).orElseThrow().getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(runs(OrderJobs.EXPIRE_UNPAID, "switched-off")).isEqualTo(before + 1);
    }

    @Test
    void ordersUnpaidTooLongShouldBeCancelledAsExpiredAndAnnounced(CapturedOutput output) {
        UUID due = placedHoursAgo(25);
        UUID recent = placedHoursAgo(1);
        switchFlag(OrdersFeatures.ORDERS_EXPIRY_JOB, true);

        JobRun run = jobs.expireUnpaid();

        assertThat(run.processed()).isPositive();
        assertThat(orders.find(due).orElseThrow().getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.find(recent).orElseThrow().getStatus()).isEqualTo(OrderStatus.PLACED);
        try (KafkaTestClient consumer = new KafkaTestClient(kafka.bootstrapServers())) {
            var record = consumer.awaitKeyed(OrderCancelled.TOPIC, due.toString(), 1, Duration.ofSeconds(30))
                    .get(0);
            String payload = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"reason\":\"EXPIRED\"");
            assertThat(EventSchemas.violationsOfPublished(OrderCancelled.TOPIC, payload))
                    .isEmpty();
            assertThat(header(record, "traceparent")).isNotBlank();
        }
        assertThat(runs(OrderJobs.EXPIRE_UNPAID, "completed")).isPositive();
        assertThat(meters.get("job.run")
                        .tag("job.name", OrderJobs.EXPIRE_UNPAID)
                        .timer()
                        .count())
                .isPositive();
        // The run is a span: its log lines carry a trace id.
        assertThat(output.getOut().lines().filter(line -> line.contains("Expired unpaid order " + due)))
                .singleElement()
                .asString()
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
    }

    @Test
    void personalDataOfOrdersClosedLongerThanTheRetentionPeriodShouldBeRemoved() {
        UUID old = paidDaysAgo(91);
        UUID recent = paidDaysAgo(10);
        switchFlag(OrdersFeatures.ORDERS_RETENTION_JOB, true);

        JobRun run = jobs.removePersonalData();

        assertThat(run.processed()).isPositive();
        Order redacted = orders.find(old).orElseThrow();
        assertThat(redacted.getEmail()).isNull();
        assertThat(redacted.getShippingAddress()).satisfies(address -> {
            assertThat(address.name()).isNull();
            assertThat(address.line1()).isNull();
            assertThat(address.city()).isNull();
            assertThat(address.postalCode()).isNull();
            assertThat(address.country()).as("kept for reporting").isEqualTo("GB");
        });
        assertThat(redacted.getLines()).isNotEmpty();
        assertThat(orders.find(recent).orElseThrow().getEmail()).isEqualTo("ada@example.com");
        assertThat(jobs.removePersonalData().processed())
                .as("nothing left to remove")
                .isZero();
    }

    @Test
    void theFingerprintOfTheRequestThatPlacedAnOrderShouldGoWithItsPersonalData() {
        NewOrder request = OrderFixtures.newOrder("jobs-" + UUID.randomUUID());
        IdempotencyKey key = new IdempotencyKey("retention-client", "key-" + UUID.randomUUID());
        UUID old = orders.place(request, key).order().getId();
        jdbc.sql("update orders set placed_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(92))))
                .param("id", old)
                .update();
        orders.pay(
                old,
                new Payment("pay-" + old, BigDecimal.TEN, "EUR", Instant.now().minus(Duration.ofDays(91))));
        switchFlag(OrdersFeatures.ORDERS_RETENTION_JOB, true);

        jobs.removePersonalData();

        assertThat(jdbc.sql("select count(*) from order_idempotency_keys where order_id = ? and request_hash is null")
                        .param(old)
                        .query(Long.class)
                        .single())
                .as("the key, without its fingerprint")
                .isEqualTo(1);
        // The key stays claimed: a late repeat creates nothing, and is refused, having nothing to compare with.
        assertThatThrownBy(() -> orders.place(request, key)).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(jdbc.sql("select count(*) from orders where customer_id = ?")
                        .param(request.customerId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void jobAndResilienceMetersShouldBeScraped() {
        switchFlag(OrdersFeatures.ORDERS_EXPIRY_JOB, true);
        jobs.expireUnpaid();

        String scrape = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .containsPattern("jobs_runs_total\\{[^}]*job_name=\"orders.expire-unpaid\",outcome=\"completed\"")
                .containsPattern("job_run_seconds_count\\{[^}]*job_name=\"orders.expire-unpaid\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"carrier\"")
                .containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"carrier\"")
                .containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"carrier\"");
    }

    private UUID placedHoursAgo(int hours) {
        UUID id = orders.place(OrderFixtures.newOrder("jobs-" + UUID.randomUUID()), null)
                .order()
                .getId();
        jdbc.sql("update orders set placed_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(hours))))
                .param("id", id)
                .update();
        return id;
    }

    private UUID paidDaysAgo(int days) {
        UUID id = placedHoursAgo(days * 24 + 1);
        orders.pay(
                id,
                new Payment("pay-" + id, BigDecimal.TEN, "EUR", Instant.now().minus(Duration.ofDays(days))));
        return id;
    }

    private void switchFlag(Feature flag, boolean enabled) {
        features.setFeatureState(new FeatureState(flag, enabled));
    }

    private double runs(String job, String outcome) {
        var counter = meters.find("jobs.runs")
                .tag("job.name", job)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
