package com.example.service.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.contract.verifier.converter.YamlContract;
import org.springframework.cloud.contract.verifier.messaging.MessageVerifierReceiver;
import org.springframework.cloud.contract.verifier.messaging.MessageVerifierSender;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The Kafka glue Spring Cloud Contract 5.0.2 lacks, for both sides of a messaging contract. As a receiver (the
 * provider's generated tests) it reads the contract's topic and answers the record the test's trigger caused, picked by
 * {@link #expect}; as a sender (a consumer's Stub Runner) it sends the contract's message as a record, its headers
 * as Kafka headers. Headers travel as UTF-8 text, as CloudEvents binary mode has them.
 */
public final class KafkaContractMessaging
        implements MessageVerifierReceiver<Message<?>>, MessageVerifierSender<Message<?>> {

    private final KafkaTestClient kafka;
    private volatile Predicate<ConsumerRecord<String, byte[]>> expected = record -> true;

    public KafkaContractMessaging(String bootstrapServers) {
        this.kafka = new KafkaTestClient(bootstrapServers);
    }

    /** Which record the next {@code receive} answers: the trigger's, not another test's on the same topic. */
    public void expect(Predicate<ConsumerRecord<String, byte[]>> record) {
        this.expected = record;
    }

    @Override
    public @Nullable Message<?> receive(
            String destination, long timeout, TimeUnit unit, @Nullable YamlContract contract) {
        List<ConsumerRecord<String, byte[]>> read = kafka.readUntil(
                destination, records -> records.stream().anyMatch(expected), Duration.ofMillis(unit.toMillis(timeout)));
        ConsumerRecord<String, byte[]> record =
                read.stream().filter(expected).findFirst().orElseThrow();
        var message = MessageBuilder.withPayload(new String(record.value(), StandardCharsets.UTF_8));
        for (Header header : record.headers()) {
            message.setHeader(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return message.build();
    }

    @Override
    public @Nullable Message<?> receive(String destination, @Nullable YamlContract contract) {
        return receive(destination, 30, TimeUnit.SECONDS, contract);
    }

    @Override
    public void send(Message<?> message, String destination, @Nullable YamlContract contract) {
        send(message.getPayload(), message.getHeaders(), destination, contract);
    }

    @Override
    public <T> void send(T payload, Map<String, Object> headers, String destination, @Nullable YamlContract contract) {
        byte[] value = payload instanceof byte[] bytes
                ? bytes
                : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> kafkaHeaders = new HashMap<>(headers == null ? Map.of() : headers);
        Object key = kafkaHeaders.remove("kafka_messageKey");
        var record = new ProducerRecord<>(destination, key == null ? null : String.valueOf(key), value);
        kafkaHeaders.forEach((name, header) -> {
            if (header != null && !name.equals("id") && !name.equals("timestamp") && !name.startsWith("kafka_")) {
                record.headers().add(name, String.valueOf(header).getBytes(StandardCharsets.UTF_8));
            }
        });
        kafka.send(record);
    }
}
