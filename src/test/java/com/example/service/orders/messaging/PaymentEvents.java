package com.example.service.orders.messaging;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/** Records as the payments team publishes them to {@code payments.payment-captured.v1}. */
final class PaymentEvents {

    static final String TOPIC = PaymentCaptured.TOPIC;
    static final String DEAD_LETTERS = TOPIC + ".service-orders.dlt";
    static final String TYPE = "com.example." + TOPIC;

    private PaymentEvents() {}

    static ProducerRecord<String, byte[]> captured(String eventId, UUID orderId, String paymentId) {
        return captured(eventId, orderId, payload(orderId, paymentId, new BigDecimal("42.50")), null);
    }

    static String payload(UUID orderId, String paymentId, BigDecimal amount) {
        return """
                {"orderId":"%s","paymentId":"%s","amount":%s,"currency":"EUR","capturedAt":"2026-11-27T10:15:30Z"}""".formatted(orderId, paymentId, amount.toPlainString());
    }

    /** A CloudEvent in binary mode with the given JSON payload, optionally continuing a W3C trace. */
    static ProducerRecord<String, byte[]> captured(
            String eventId, UUID orderId, String json, @Nullable String traceparent) {
        var event = CloudEventBuilder.v1()
                .withId(eventId)
                .withType(TYPE)
                .withSource(URI.create("/payments-service/payments"))
                .withSubject(orderId.toString())
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record =
                KafkaMessageFactory.createWriter(TOPIC, orderId.toString()).writeBinary(event);
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Bytes that are not a CloudEvent: no ce_* headers at all. */
    static ProducerRecord<String, byte[]> garbage(String key) {
        return new ProducerRecord<>(TOPIC, key, "not json, not a CloudEvent".getBytes(StandardCharsets.UTF_8));
    }
}
