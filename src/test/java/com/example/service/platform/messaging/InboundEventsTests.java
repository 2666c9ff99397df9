package com.example.service.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InboundEventsTests {

    /** A topic of the tests' own (its schema is a test resource), so that they need no module's consumed contract. */
    static final String TOPIC = "tests.payment-captured.v1";

    static final String PREFIX = CloudEventsExternalizationTests.SETTINGS.typePrefix();

    record Captured(UUID orderId, String paymentId, BigDecimal amount, String currency, Instant capturedAt) {}

    final InboundEvents inbound = new InboundEvents(new JsonMapper(), CloudEventsExternalizationTests.SETTINGS);

    @Test
    void aValidEventShouldBeReadWithItsAttributesAndData() {
        UUID order = UUID.randomUUID();

        InboundEvent<Captured> event =
                inbound.read(record(TOPIC, PREFIX + "." + TOPIC, payload(order, "12.30")), Captured.class);

        assertThat(event.id()).isEqualTo("event-1");
        assertThat(event.type()).isEqualTo(PREFIX + "." + TOPIC);
        assertThat(event.source()).isEqualTo(URI.create("/payments"));
        assertThat(event.time()).isNotNull();
        assertThat(event.data().orderId()).isEqualTo(order);
        assertThat(event.data().amount()).isEqualByComparingTo("12.30");
    }

    @Test
    void fieldsTheProducerAddsLaterShouldBeIgnored() {
        String payload = payload(UUID.randomUUID(), "1").replace("}", ",\"method\":\"card\"}");

        assertThat(inbound.read(record(TOPIC, PREFIX + "." + TOPIC, payload), Captured.class)
                        .data()
                        .paymentId())
                .isEqualTo("pay-1");
    }

    @Test
    void somethingThatIsNotACloudEventShouldBeUnprocessable() {
        var garbage = new ConsumerRecord<String, byte[]>(TOPIC, 0, 0, "k", "{}".getBytes(StandardCharsets.UTF_8));

        assertThatExceptionOfType(UnprocessableMessage.class)
                .isThrownBy(() -> inbound.read(garbage, Captured.class))
                .withMessageStartingWith("Not a CloudEvent");
    }

    @Test
    void aBlankIdShouldBeUnprocessable() {
        // The id is what consumers de-duplicate on: a blank one would make every later blank one a "repeat".
        var record = record(TOPIC, PREFIX + "." + TOPIC, payload(UUID.randomUUID(), "1"));
        record.headers().remove("ce_id");
        record.headers().add("ce_id", new byte[0]);

        assertThatExceptionOfType(UnprocessableMessage.class)
                .isThrownBy(() -> inbound.read(record, Captured.class))
                .withMessageContaining("blank ce_id");
    }

    @Test
    void anUnexpectedTypeShouldBeUnprocessable() {
        assertThatExceptionOfType(UnprocessableMessage.class)
                .isThrownBy(() -> inbound.read(
                        record(TOPIC, PREFIX + ".payments.payment-refunded.v1", payload(UUID.randomUUID(), "1")),
                        Captured.class))
                .withMessageContaining("Unexpected ce_type");
    }

    @Test
    void aPayloadThatIsNotJsonShouldBeUnprocessable() {
        assertThatExceptionOfType(UnprocessableMessage.class)
                .isThrownBy(() -> inbound.read(record(TOPIC, PREFIX + "." + TOPIC, "{not json"), Captured.class))
                .withMessageContaining("is not JSON");
    }

    @Test
    void aPayloadAgainstTheSchemaShouldBeUnprocessableNamingTheViolation() {
        assertThatExceptionOfType(UnprocessableMessage.class)
                .isThrownBy(() -> inbound.read(
                        record(TOPIC, PREFIX + "." + TOPIC, payload(UUID.randomUUID(), "0")), Captured.class))
                .withMessageContaining("violates contracts/events/consumed/" + TOPIC + ".schema.json")
                .withMessageContaining("amount");
    }

    @Test
    void aTopicWithoutAConsumedSchemaShouldFailLoudly() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        inbound.read(record("nobody.nothing.v1", PREFIX + ".nobody.nothing.v1", "{}"), Captured.class))
                .withMessageContaining("contracts/events/consumed/nobody.nothing.v1.schema.json");
    }

    private static String payload(UUID order, String amount) {
        return """
                {"orderId":"%s","paymentId":"pay-1","amount":%s,"currency":"EUR","capturedAt":"2026-11-27T10:15:30Z"}""".formatted(order, amount);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String type, String json) {
        var event = CloudEventBuilder.v1()
                .withId("event-1")
                .withType(type)
                .withSource(URI.create("/payments"))
                .withTime(java.time.OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> produced =
                KafkaMessageFactory.createWriter(topic, "key").writeBinary(event);
        return new ConsumerRecord<>(
                topic,
                0,
                0,
                0L,
                TimestampType.CREATE_TIME,
                0,
                produced.value() == null ? 0 : produced.value().length,
                produced.key(),
                produced.value(),
                produced.headers(),
                java.util.Optional.empty());
    }
}
