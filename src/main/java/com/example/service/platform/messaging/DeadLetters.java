package com.example.service.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Dead-letter topics ({@code *.dlt}) as operations see them: how many letters wait in each, and replay after a fix.
 * Replay sends each letter back to its original topic with its original key, payload and headers (the
 * {@code kafka_dlt-*} and {@code dlt-reason} headers removed) and remembers how far it got in the consumer group
 * {@code <application>.dlt-replay}, so that a letter is replayed once. The consumer's inbox makes a replay of something
 * already applied harmless.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin admin;
    private final DefaultKafkaConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<Object, Object> producer;
    private final String replayGroup;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

    DeadLetters(
            KafkaAdmin admin,
            ConsumerFactory<?, ?> consumerFactory,
            ProducerFactory<Object, Object> producers,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            org.springframework.core.env.Environment environment) {
        this.admin = admin;
        this.listeners = listeners;
        Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumers = new DefaultKafkaConsumerFactory<>(config);
        this.producer = new KafkaTemplate<>(producers);
        this.replayGroup = environment.getProperty("spring.application.name", "service") + ".dlt-replay";
    }

    /**
     * This service's dead-letter topics: one per topic and consumer group its listeners consume
     * ({@code <topic>.<group>.dlt}), never another service's that share the cluster.
     */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] consumed = container.getContainerProperties().getTopics();
            for (String topic : consumed == null ? new String[0] : consumed) {
                topics.add(KafkaMessagingConfiguration.deadLetterTopic(topic, container.getGroupId()));
            }
        }));
        return topics;
    }

    /** Letters not yet replayed, per dead-letter topic of this service's that exists. */
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new java.util.TreeMap<>();
        Set<String> own = topics();
        try (Admin client = Admin.create(admin.getConfigurationProperties());
                Consumer<String, byte[]> consumer = consumers.createConsumer(replayGroup, "dlt-inspect")) {
            for (String topic : client.listTopics(new ListTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .names()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (own.contains(topic)) {
                    waiting.put(topic, waitingIn(consumer, topic));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing dead-letter topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list dead-letter topics: " + e.getMessage(), e);
        }
        return waiting;
    }

    /** Sends up to {@code max} waiting letters of {@code deadLetterTopic} back to their original topics. */
    public Replayed replay(String deadLetterTopic, int max) {
        if (!deadLetterTopic.endsWith(".dlt")) {
            throw new IllegalArgumentException("Not a dead-letter topic: " + deadLetterTopic);
        }
        List<String> replayed = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(replayGroup, "dlt-replay")) {
            List<TopicPartition> partitions = partitionsOf(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (replayed.size() < max && behind(consumer, end)) {
                for (ConsumerRecord<String, byte[]> letter : consumer.poll(Duration.ofSeconds(1))) {
                    if (replayed.size() >= max) {
                        break;
                    }
                    ProducerRecord<Object, Object> original = restore(letter);
                    producer.send(original).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    consumer.commitSync(Map.of(
                            new TopicPartition(letter.topic(), letter.partition()),
                            new OffsetAndMetadata(letter.offset() + 1)));
                    replayed.add(letter.topic() + "-" + letter.partition() + "@" + letter.offset());
                    log.info(
                            "Replayed dead letter {}-{}@{} to {}",
                            letter.topic(),
                            letter.partition(),
                            letter.offset(),
                            original.topic());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not replay " + deadLetterTopic + ": " + e.getMessage(), e);
        }
        return new Replayed(deadLetterTopic, replayed.size(), replayed);
    }

    private long waitingIn(Consumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitionsOf(consumer, topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(new java.util.HashSet<>(partitions), TIMEOUT);
        long waiting = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = Math.max(begin.get(partition), done == null ? 0 : done.offset());
            waiting += Math.max(0, end.get(partition) - from);
        }
        return waiting;
    }

    private static List<TopicPartition> partitionsOf(Consumer<String, byte[]> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("No such topic: " + topic);
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static boolean behind(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().anyMatch(entry -> consumer.position(entry.getKey(), TIMEOUT) < entry.getValue());
    }

    private static ProducerRecord<Object, Object> restore(ConsumerRecord<String, byte[]> letter) {
        Header originalTopic = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            throw new IllegalStateException("Dead letter " + letter.offset() + " names no original topic");
        }
        var record = new ProducerRecord<Object, Object>(
                new String(originalTopic.value(), StandardCharsets.UTF_8), letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith("kafka_dlt-")
                    && !header.key().equals(KafkaMessagingConfiguration.DEAD_LETTER_REASON)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    /** What a replay sent back, as {@code <dlt>-<partition>@<offset>}. */
    public record Replayed(String deadLetterTopic, int replayed, List<String> letters) {}
}
