package com.example.service.orders;

import static com.example.service.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalTokens;
import com.example.service.platform.messaging.EventSchemas;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the orders module publishes, read back from a real broker as another team's consumer would: CloudEvents in
 * binary mode, keyed by order id, payloads that match their committed schemas and carry no personal data, on the trace
 * of the request that caused them.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OrderEventsIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    OrderManagement orders;

    @Autowired
    LocalKafka kafka;

    KafkaTestClient consumer;

    @BeforeEach
    void connect() {
        consumer = new KafkaTestClient(kafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        consumer.close();
    }

    @Test
    void placingAnOrderOverHttpShouldPublishOrderPlacedAsACloudEventOnTheRequestsTrace() {
        String traceId = newTraceId();
        String order = placeOverHttp(traceId);

        ConsumerRecord<String, byte[]> record =
                consumer.awaitKeyed(OrderPlaced.TOPIC, order, 1, WITHIN).get(0);

        assertThat(record.headers())
                .extracting(Header::key)
                .containsExactlyInAnyOrder(
                        "ce_specversion",
                        "ce_id",
                        "ce_type",
                        "ce_source",
                        "ce_subject",
                        "ce_time",
                        "content-type",
                        "traceparent");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_type")).isEqualTo("com.example.orders.order-placed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/service/orders");
        assertThat(header(record, "ce_subject")).isEqualTo(order);
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");

        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(EventSchemas.violationsOfPublished(OrderPlaced.TOPIC, payload))
                .isEmpty();
        assertThat(payload)
                .contains("\"orderId\":\"" + order + "\"")
                .doesNotContain("ada@example.com", "Lovelace", "St James", "SW1Y", "eventId");
    }

    @Test
    void cancellingAnOrderShouldPublishOrderCancelled() {
        UUID order = orders.place(OrderFixtures.newOrder("cancelling-" + UUID.randomUUID()), null)
                .order()
                .getId();

        orders.cancel(order);

        ConsumerRecord<String, byte[]> record = consumer.awaitKeyed(OrderCancelled.TOPIC, order.toString(), 1, WITHIN)
                .get(0);
        assertThat(header(record, "ce_type")).isEqualTo("com.example.orders.order-cancelled.v1");
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(EventSchemas.violationsOfPublished(OrderCancelled.TOPIC, payload))
                .isEmpty();
        assertThat(payload).contains("\"reason\":\"CUSTOMER_REQUEST\"");
    }

    @Test
    void theTraceShouldContinueThroughThePaymentConsumerToOrderPaid(CapturedOutput output) {
        String traceId = newTraceId();
        String order = placeOverHttp(traceId);
        consumer.awaitKeyed(OrderPlaced.TOPIC, order, 1, WITHIN);

        // The payments team continues the trace that placed the order when it captures the payment.
        consumer.send(paymentCaptured(order, "00-" + traceId + "-b7ad6b7169203331-01"));

        ConsumerRecord<String, byte[]> paid =
                consumer.awaitKeyed(OrderPaid.TOPIC, order, 1, WITHIN).get(0);
        assertThat(header(paid, "traceparent")).startsWith("00-" + traceId + "-");
        String payload = new String(paid.value(), StandardCharsets.UTF_8);
        assertThat(EventSchemas.violationsOfPublished(OrderPaid.TOPIC, payload)).isEmpty();
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(output.getOut()
                                .lines()
                                .filter(line -> line.contains("Order " + order + " paid by payment")))
                        .singleElement()
                        .asString()
                        .contains(traceId));
    }

    private String placeOverHttp(String traceId) {
        String location = http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue("orders:write orders:all"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrderFixtures.validRequestJson("events-" + UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static ProducerRecord<String, byte[]> paymentCaptured(String order, String traceparent) {
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType("com.example.payments.payment-captured.v1")
                .withSource(URI.create("/payments-service/payments"))
                .withDataContentType("application/json")
                .withData(("{\"orderId\":\"" + order + "\",\"paymentId\":\"pay-" + order
                                + "\",\"amount\":19.99,\"currency\":\"EUR\",\"capturedAt\":\"2026-11-27T10:15:30Z\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter("payments.payment-captured.v1", order)
                .writeBinary(event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
