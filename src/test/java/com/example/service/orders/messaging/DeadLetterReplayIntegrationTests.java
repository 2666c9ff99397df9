package com.example.service.orders.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalTokens;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A dead letter, seen and replayed through the {@code deadletters} actuator endpoint once its cause is fixed. */
@IntegrationTest
class DeadLetterReplayIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    LocalKafka kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderManagement orders;

    @Test
    void aDeadLetterShouldBeReplayedAfterItsCauseIsFixed() {
        UUID order = UUID.randomUUID();
        try (KafkaTestClient payments = new KafkaTestClient(kafka.bootstrapServers())) {
            payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), order, "pay-early"));
            payments.awaitKeyed(PaymentEvents.DEAD_LETTERS, order.toString(), 1, WITHIN);
        }
        String admin = "Bearer " + tokens.issue(tokens.operator("ops:admin"));
        http.get()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['%s']".formatted(PaymentEvents.DEAD_LETTERS))
                .value(Number.class, waiting -> assertThat(waiting.longValue()).isPositive());

        // The fix: the order the payment was for is restored.
        jdbc.sql("""
                        insert into orders (id, customer_id, status, placed_at, version)
                        values (:id, 'restored-customer', 'PLACED', :now, 0)
                        """)
                .param("id", order)
                .param("now", Timestamp.from(Instant.now()))
                .update();
        http.post()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"topic\": \"%s\", \"max\": 1000}".formatted(PaymentEvents.DEAD_LETTERS))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .value(Number.class, replayed -> assertThat(replayed.intValue()).isPositive());

        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(orders.find(order).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID));
    }

    @Test
    void deadLettersEndpointShouldNeedTheOpsAdminScope() {
        http.get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        http.post()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue("orders:write orders:all"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"topic\": \"%s\"}".formatted(PaymentEvents.DEAD_LETTERS))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
