package com.example.service.contracts;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaContractMessaging;
import com.example.service.local.LocalKafka;
import com.example.service.platform.messaging.IntegrationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The base of the tests Spring Cloud Contract generates from {@code contracts/provider/events/<module>/} (the contracts
 * {@code ./scaffold event} writes): the whole service on real PostgreSQL and Kafka. Each contract's trigger below
 * publishes its event the way the module does, inside a transaction, so that it goes through the outbox and the
 * CloudEvents externalization to its topic; the test then reads the record from the broker.
 */
@IntegrationTest
@AutoConfigureMessageVerifier
@Import(EventsContractBase.KafkaGlue.class)
public abstract class EventsContractBase {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    KafkaContractMessaging messaging;

    // scaffold:event-triggers (./scaffold event adds each trigger above this line)

    /** Publishes the event as its module would, and tells the test which record on the topic is the one. */
    protected void publish(IntegrationEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
        messaging.expect(record -> event.subject().equals(record.key()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaGlue {

        @Bean
        KafkaContractMessaging kafkaContractMessaging(LocalKafka kafka) {
            return new KafkaContractMessaging(kafka.bootstrapServers());
        }
    }
}
