package {{package}}.{{module}}.messaging;

import {{package}}.platform.messaging.InboundEvent;
import {{package}}.platform.messaging.InboundEvents;
import {{package}}.platform.messaging.ProcessedMessages;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies the {{producer}} team's {@code {{topic}}} once per event id (the inbox commits with the change);
 * transient failures are retried and anything that can never succeed is dead-lettered by the platform's error
 * handler. See {{change}}.
 */
@Component
class {{Payload}}Listener {

    /** The inbox's name for this consumer. */
    static final String CONSUMER = "{{consumer}}";

    private final InboundEvents inbound;
    private final ProcessedMessages processed;
    private final TransactionOperations transactions;

    {{Payload}}Listener(InboundEvents inbound, ProcessedMessages processed, TransactionOperations transactions) {
        this.inbound = inbound;
        this.processed = processed;
        this.transactions = transactions;
    }

    @KafkaListener(id = CONSUMER, topics = {{Payload}}.TOPIC, groupId = "${spring.application.name}-{{module}}")
    void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent<{{Payload}}> event = inbound.read(record, {{Payload}}.class);
        transactions.executeWithoutResult(status -> {
            if (processed.firstDelivery(CONSUMER, event.id())) {
                apply(event.data());
            }
        });
    }

    private void apply({{Payload}} event) {
        // Business logic: call the {{module}} module's API here, in the inbox's transaction. For a message that can
        // never succeed (an unknown id, a state that forbids it) throw UnprocessableMessage: it is dead-lettered.
    }
}
