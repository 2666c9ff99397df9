package com.example.service.platform.messaging;

import static com.example.service.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalTokens;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The platform's inbound messaging end to end, through a consumer of the tests' own ({@link TestInbox}): each event
 * applied once, transient failures retried, poison messages dead-lettered with their reason while the next one goes
 * through, and dead letters replayed by an operator once their cause is fixed.
 */
@IntegrationTest
class InboxIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    TestInbox.Consumer consumer;

    @Autowired
    LocalKafka kafka;

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Value("${spring.application.name}")
    String application;

    @Value("${service.messaging.type-prefix}")
    String typePrefix;

    String deadLetters;

    @BeforeEach
    void deadLetterTopic() {
        deadLetters = KafkaMessagingConfiguration.deadLetterTopic(TestInbox.TOPIC, application + "-tests");
    }

    @Test
    void anEventDeliveredTwiceShouldBeAppliedOnce() {
        String payment = "pay-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaTestClient producer = new KafkaTestClient(kafka.bootstrapServers())) {
            producer.send(captured(eventId, payment));
            producer.send(captured(eventId, payment));
            String next = "pay-" + UUID.randomUUID();
            producer.send(captured(UUID.randomUUID().toString(), next));
            await().atMost(WITHIN).until(() -> consumer.applied(next) == 1);
        }
        assertThat(consumer.applied(payment)).isEqualTo(1);
        assertThat(consumer.attempts(payment)).isEqualTo(1);
    }

    @Test
    void aTransientFailureShouldBeRetriedNotDeadLettered() {
        String payment = "flaky-" + UUID.randomUUID();
        try (KafkaTestClient producer = new KafkaTestClient(kafka.bootstrapServers())) {
            producer.send(captured(UUID.randomUUID().toString(), payment));
            await().atMost(WITHIN).until(() -> consumer.applied(payment) == 1);
            assertThat(consumer.attempts(payment)).isEqualTo(2);
            assertThat(KafkaTestClient.withKey(producer.readAll(deadLetters), payment))
                    .isEmpty();
        }
    }

    @Test
    void aPoisonMessageShouldBeDeadLetteredWithItsReasonAndTheNextOneApplied() {
        String poison = "poison-" + UUID.randomUUID();
        String next = "pay-" + UUID.randomUUID();
        try (KafkaTestClient producer = new KafkaTestClient(kafka.bootstrapServers())) {
            producer.send(captured(UUID.randomUUID().toString(), poison));
            producer.send(captured(UUID.randomUUID().toString(), next));
            var letters = producer.awaitKeyed(deadLetters, poison, 1, WITHIN);
            assertThat(header(letters.get(0), "dlt-reason")).contains("can never be applied");
            await().atMost(WITHIN).until(() -> consumer.applied(next) == 1);
        }
        assertThat(consumer.applied(poison)).isZero();
        assertThat(consumer.attempts(poison)).isEqualTo(1);
    }

    @Test
    void aDeadLetterShouldBeReplayedAfterItsCauseIsFixed() {
        String payment = "broken-" + UUID.randomUUID();
        try (KafkaTestClient producer = new KafkaTestClient(kafka.bootstrapServers())) {
            producer.send(captured(UUID.randomUUID().toString(), payment));
            producer.awaitKeyed(deadLetters, payment, 1, WITHIN);
        }
        String admin = "Bearer " + tokens.issue(tokens.operator("ops:admin"));
        http.get()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['%s']".formatted(deadLetters))
                .value(Number.class, waiting -> assertThat(waiting.longValue()).isPositive());

        consumer.fix(payment);
        http.post()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"topic\": \"%s\", \"max\": 1000}".formatted(deadLetters))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.replayed")
                .value(Number.class, replayed -> assertThat(replayed.intValue()).isPositive());

        await().atMost(WITHIN).until(() -> consumer.applied(payment) == 1);
    }

    @Test
    void deadLettersEndpointShouldNeedTheOpsAdminScope() {
        http.get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        http.post()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("flags:admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"topic\": \"%s\"}".formatted(deadLetters))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void operatorsShouldSeeAndReplayOnlyThisServicesDeadLettersAndAtMostAThousandAtATime() {
        // A sibling service's dead letters in the same cluster: none of this service's business.
        String sibling = KafkaMessagingConfiguration.deadLetterTopic(TestInbox.TOPIC, "sibling-tests");
        try (KafkaTestClient producer = new KafkaTestClient(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(sibling, "letter", new byte[] {1}));
            producer.awaitKeyed(sibling, "letter", 1, WITHIN);
        }
        String admin = "Bearer " + tokens.issue(tokens.operator("ops:admin"));

        http.get()
                .uri("/actuator/deadletters")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['%s']".formatted(sibling))
                .doesNotExist();
        for (String request : new String[] {
            "{\"topic\": \"%s\"}".formatted(sibling),
            "{\"topic\": \"%s\", \"max\": 1001}".formatted(deadLetters),
            "{\"topic\": \"%s\", \"max\": 0}".formatted(deadLetters)
        }) {
            http.post()
                    .uri("/actuator/deadletters")
                    .header(HttpHeaders.AUTHORIZATION, admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    /** What a producing team sends: a CloudEvent in binary mode, keyed by the payment. */
    private ProducerRecord<String, byte[]> captured(String eventId, String payment) {
        String json = """
                {"orderId":"%s","paymentId":"%s","amount":12.30,"currency":"EUR","capturedAt":"2026-11-27T10:15:30Z"}""".formatted(UUID.randomUUID(), payment);
        var event = CloudEventBuilder.v1()
                .withId(eventId)
                .withType(typePrefix + "." + TestInbox.TOPIC)
                .withSource(URI.create("/payments-service/payments"))
                .withSubject(payment)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(TestInbox.TOPIC, payment).writeBinary(event);
    }
}
