package com.example.service.orders;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaContractMessaging;
import com.example.service.local.LocalKafka;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The base of the tests Spring Cloud Contract generates from {@code contracts/provider/events/}: the whole service on
 * real PostgreSQL and Kafka. A contract's trigger does what a caller would, and the test reads the record it caused
 * from the topic.
 */
@IntegrationTest
@AutoConfigureMessageVerifier
@Import(OrdersEventsContractBase.KafkaGlue.class)
public abstract class OrdersEventsContractBase {

    @Autowired
    OrderManagement orders;

    @Autowired
    KafkaContractMessaging messaging;

    /** Trigger of {@code orderPlaced.yml}. */
    public void placeOrder() {
        expectKey(place());
    }

    /** Trigger of {@code orderPaid.yml}. */
    public void payOrder() {
        expectKey(paid());
    }

    /** Trigger of {@code shipmentBooked.yml}: the shipment of a paid order is booked with the carrier's stubs. */
    public void payOrderAndBookItsShipment() {
        expectKey(paid());
    }

    /** Trigger of {@code orderCancelled.yml}. */
    public void cancelOrder() {
        UUID order = place();
        orders.cancel(order);
        expectKey(order);
    }

    private UUID place() {
        NewOrder order = new NewOrder(
                "contract-events-customer",
                "ada@example.com",
                new ShippingAddress("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"),
                List.of(new OrderLine("BOOK-1", 2)));
        return orders.place(order, null).order().getId();
    }

    private UUID paid() {
        UUID order = place();
        orders.pay(
                order,
                new Payment("pay-contract-1", new BigDecimal("42.50"), "EUR", Instant.parse("2026-11-27T10:15:30Z")));
        return order;
    }

    private void expectKey(UUID order) {
        messaging.expect(record -> order.toString().equals(record.key()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaGlue {

        @Bean
        KafkaContractMessaging kafkaContractMessaging(LocalKafka kafka) {
            return new KafkaContractMessaging(kafka.bootstrapServers());
        }
    }
}
