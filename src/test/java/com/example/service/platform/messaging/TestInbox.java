package com.example.service.platform.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A consumer of the tests' own, written the way a module writes one (AGENTS.md, "Consuming an event from Kafka"), so
 * that the platform's inbound messaging (CloudEvents, schema, inbox, retries, dead letters and their replay) is tested
 * whichever modules the service has. Payment ids steer it: {@code poison-*} can never succeed, {@code flaky-*} fails
 * once, {@code broken-*} fails until {@link Consumer#fix} is called.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInbox {

    public static final String TOPIC = InboundEventsTests.TOPIC;
    public static final String CONSUMER = "tests.payment-captured";

    @Bean
    Consumer testInboxConsumer(InboundEvents inbound, ProcessedMessages processed, TransactionOperations transactions) {
        return new Consumer(inbound, processed, transactions);
    }

    public record Captured(UUID orderId, String paymentId, BigDecimal amount, String currency, Instant capturedAt) {}

    public static final class Consumer {

        private final InboundEvents inbound;
        private final ProcessedMessages processed;
        private final TransactionOperations transactions;
        private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Set<String> fixed = ConcurrentHashMap.newKeySet();

        Consumer(InboundEvents inbound, ProcessedMessages processed, TransactionOperations transactions) {
            this.inbound = inbound;
            this.processed = processed;
            this.transactions = transactions;
        }

        @KafkaListener(id = CONSUMER, topics = TOPIC, groupId = "${spring.application.name}-tests")
        void on(ConsumerRecord<String, byte[]> record) {
            InboundEvent<Captured> event = inbound.read(record, Captured.class);
            String payment = event.data().paymentId();
            transactions.executeWithoutResult(status -> {
                if (!processed.firstDelivery(CONSUMER, event.id())) {
                    return;
                }
                int attempt = attempts.computeIfAbsent(payment, key -> new AtomicInteger())
                        .incrementAndGet();
                if (payment.startsWith("poison-")) {
                    throw new UnprocessableMessage("Payment " + payment + " can never be applied");
                }
                if (payment.startsWith("flaky-") && attempt == 1
                        || payment.startsWith("broken-") && !fixed.contains(payment)) {
                    throw new IllegalStateException("Payment " + payment + " cannot be applied yet");
                }
                applied.computeIfAbsent(payment, key -> new AtomicInteger()).incrementAndGet();
            });
        }

        /** How often the payment was applied. */
        public int applied(String payment) {
            return applied.getOrDefault(payment, new AtomicInteger()).get();
        }

        /** How often its application was attempted (retries included, duplicates not). */
        public int attempts(String payment) {
            return attempts.getOrDefault(payment, new AtomicInteger()).get();
        }

        public void fix(String payment) {
            fixed.add(payment);
        }
    }
}
