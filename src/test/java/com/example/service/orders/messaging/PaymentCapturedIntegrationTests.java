package com.example.service.orders.messaging;

import static com.example.service.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderPaid;
import com.example.service.orders.OrderStatus;
import com.example.service.shipping.ShipmentBooked;
import com.example.service.shipping.ShipmentManagement;
import com.example.service.shipping.ShipmentStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payments team's {@code payments.payment-captured.v1}, consumed on a real broker: an order becomes PAID once, a
 * redelivery changes nothing, a poison message goes to the dead-letter topic and the messages behind it go on.
 */
@IntegrationTest
class PaymentCapturedIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    OrderManagement orders;

    @Autowired
    ShipmentManagement shipments;

    @Autowired
    LocalKafka kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    KafkaTestClient payments;

    @BeforeEach
    void connect() {
        payments = new KafkaTestClient(kafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        payments.close();
    }

    @Test
    void capturedPaymentShouldMarkTheOrderPaidPublishOrderPaidAndRequestAShipment() {
        UUID order = placeOrder();

        payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), order, "pay-" + order));

        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(orders.find(order).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID));
        List<ConsumerRecord<String, byte[]>> paid = payments.awaitKeyed(OrderPaid.TOPIC, order.toString(), 1, WITHIN);
        assertThat(paid).hasSize(1);
        assertThat(header(paid.get(0), "ce_type")).isEqualTo("com.example.orders.order-paid.v1");
        assertThat(new String(paid.get(0).value())).contains("\"paymentId\":\"pay-" + order + "\"");
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(shipments.find(order))
                        .hasValueSatisfying(
                                shipment -> assertThat(shipment.status()).isEqualTo(ShipmentStatus.BOOKED)));
        // Booked with the carrier's stub, which answers what the carrier's contract says.
        assertThat(payments.awaitKeyed(ShipmentBooked.TOPIC, order.toString(), 1, WITHIN))
                .singleElement()
                .satisfies(booked -> assertThat(new String(booked.value())).contains("CR123456789GB"));
    }

    @Test
    void theSameEventDeliveredTwiceShouldChangeTheOrderOnceAndPublishOneOrderPaid() {
        UUID order = placeOrder();
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates();

        payments.send(PaymentEvents.captured(eventId, order, "pay-" + order));
        payments.send(PaymentEvents.captured(eventId, order, "pay-" + order));
        processedBehind(order);

        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
        assertThat(jdbc.sql("select count(*) from processed_messages where message_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Everything published for the order by now, including whatever the duplicate would have published.
        List<ConsumerRecord<String, byte[]>> paid = payments.awaitKeyed(OrderPaid.TOPIC, order.toString(), 1, WITHIN);
        assertThat(paid).hasSize(1);
        assertThat(jdbc.sql("select version from orders where id = ?")
                        .param(order)
                        .query(Long.class)
                        .single())
                .as("versions: placed, then paid once")
                .isEqualTo(1L);
    }

    @Test
    void poisonMessagesShouldBeDeadLetteredWithTheirReasonAndTheMessagesBehindThemProcessed() {
        UUID unknownOrder = UUID.randomUUID();
        UUID violating = placeOrder();
        UUID behind = placeOrder();

        payments.send(PaymentEvents.garbage(unknownOrder.toString()));
        payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), unknownOrder, "pay-unknown"));
        payments.send(PaymentEvents.captured(
                UUID.randomUUID().toString(),
                violating,
                PaymentEvents.payload(violating, "pay-negative", new BigDecimal("-1")),
                null));
        payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), behind, "pay-" + behind));

        await().atMost(WITHIN)
                .untilAsserted(
                        () -> assertThat(orders.find(behind).orElseThrow().getStatus())
                                .isEqualTo(OrderStatus.PAID));
        List<ConsumerRecord<String, byte[]>> unknown =
                payments.awaitKeyed(PaymentEvents.DEAD_LETTERS, unknownOrder.toString(), 2, WITHIN);
        assertThat(unknown)
                .extracting(letter -> header(letter, "dlt-reason"))
                .anySatisfy(reason -> assertThat(reason).startsWith("Not a CloudEvent"))
                .anySatisfy(reason -> assertThat(reason).contains("No order " + unknownOrder));
        assertThat(unknown).allSatisfy(letter -> {
            assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(PaymentEvents.TOPIC);
            assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
        });
        List<ConsumerRecord<String, byte[]>> invalid =
                payments.awaitKeyed(PaymentEvents.DEAD_LETTERS, violating.toString(), 1, WITHIN);
        assertThat(header(invalid.get(0), "dlt-reason"))
                .contains("violates contracts/events/consumed/payments.payment-captured.v1.schema.json")
                .contains("amount");
        assertThat(orders.find(violating).orElseThrow().getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(meters.get("messages.dead.lettered")
                        .tag("topic", PaymentEvents.TOPIC)
                        .tag("reason", "UnprocessableMessage")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aTransientFailureShouldBeRetriedAndTheMessageProcessedNotDeadLettered() {
        UUID order = placeOrder();
        double retriedBefore = retried();

        // The inbox table is briefly unavailable: the listener fails, and the error handler retries with backoff.
        jdbc.sql("alter table processed_messages rename to processed_messages_away")
                .update();
        try {
            payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), order, "pay-" + order));
            await().atMost(WITHIN).until(() -> retried() > retriedBefore);
        } finally {
            jdbc.sql("alter table processed_messages_away rename to processed_messages")
                    .update();
        }

        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(orders.find(order).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID));
        assertThat(KafkaTestClient.withKey(payments.readAll(PaymentEvents.DEAD_LETTERS), order.toString()))
                .isEmpty();
    }

    private UUID placeOrder() {
        return orders.place(OrderFixtures.newOrder("payer-" + UUID.randomUUID()), null)
                .order()
                .getId();
    }

    /** Sends a payment for a fresh order and waits until it is applied: everything sent before it is done. */
    private void processedBehind(UUID previous) {
        UUID marker = placeOrder();
        payments.send(PaymentEvents.captured(UUID.randomUUID().toString(), marker, "pay-marker-" + previous));
        await().atMost(WITHIN)
                .untilAsserted(
                        () -> assertThat(orders.find(marker).orElseThrow().getStatus())
                                .isEqualTo(OrderStatus.PAID));
    }

    private double duplicates() {
        var counter = meters.find("messages.duplicates")
                .tag("consumer", PaymentCapturedListener.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double consumed() {
        var counter = meters.find("messages.consumed")
                .tag("topic", PaymentEvents.TOPIC)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double retried() {
        var counter = meters.find("messages.retried")
                .tag("topic", PaymentEvents.TOPIC)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
