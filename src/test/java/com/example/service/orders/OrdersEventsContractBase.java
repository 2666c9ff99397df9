package com.example.service.orders;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaContractMessaging;
import com.example.service.local.LocalKafka;
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
        NewOrder order = new NewOrder(
                "contract-events-customer",
                "ada@example.com",
                new ShippingAddress("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"),
                java.util.List.of(new OrderLine("BOOK-1", 2)));
        UUID placed = orders.place(order, null).order().getId();
        messaging.expect(record -> placed.toString().equals(record.key()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaGlue {

        @Bean
        KafkaContractMessaging kafkaContractMessaging(LocalKafka kafka) {
            return new KafkaContractMessaging(kafka.bootstrapServers());
        }
    }
}
