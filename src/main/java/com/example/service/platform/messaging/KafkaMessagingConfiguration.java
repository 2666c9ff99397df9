package com.example.service.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kafka as every module uses it: what happens when a listener fails (retries with backoff, then the dead-letter topic),
 * and the meters of both directions. Boot applies the error handler, the record interceptor and the producer listener
 * to its listener container factory and its {@code KafkaTemplate}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KafkaMessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingConfiguration.class);

    /** The reason a message was dead-lettered, in words; Spring's {@code kafka_dlt-*} headers carry the details. */
    static final String DEAD_LETTER_REASON = "dlt-reason";

    /**
     * {@code <topic>.<consumer group>.dlt}: the consuming service owns its dead-letter topics, one per topic and group,
     * so that two consumers of one topic never mix their dead letters.
     */
    static String deadLetterTopic(String topic, @Nullable String group) {
        return group == null ? topic + ".dlt" : topic + "." + group + ".dlt";
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            ProducerFactory<Object, Object> producers, MessagingSettings settings, MeterRegistry registry) {
        // Dead letters and replays go through a template of their own, so that events.published counts only events.
        var deadLetters = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(producers),
                (record, failure) ->
                        new TopicPartition(deadLetterTopic(record.topic(), KafkaUtils.getConsumerGroupId()), -1));
        deadLetters.setHeadersFunction((record, failure) -> new RecordHeaders(new RecordHeader[] {
            new RecordHeader(DEAD_LETTER_REASON, reason(failure).getBytes(StandardCharsets.UTF_8))
        }));
        var backOff = new ExponentialBackOffWithMaxRetries(settings.retry().maxRetries());
        backOff.setInitialInterval(settings.retry().initialInterval().toMillis());
        backOff.setMultiplier(settings.retry().multiplier());
        backOff.setMaxInterval(settings.retry().maxInterval().toMillis());

        var handler = new DefaultErrorHandler(
                (record, failure) -> {
                    deadLetters.accept(record, failure);
                    Counter.builder("messages.dead.lettered")
                            .description("Messages sent to a dead-letter topic")
                            .tag("topic", record.topic())
                            .tag("reason", reasonTag(failure))
                            .register(registry)
                            .increment();
                    log.warn(
                            "Dead-lettered {}-{}@{} to {}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            deadLetterTopic(record.topic(), KafkaUtils.getConsumerGroupId()),
                            reason(failure));
                },
                backOff);
        handler.addNotRetryableExceptions(UnprocessableMessage.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                if (retryable(failure) && deliveryAttempt <= settings.retry().maxRetries()) {
                    Counter.builder("messages.retried")
                            .description("Deliveries that failed and will be retried")
                            .tag("topic", record.topic())
                            .register(registry)
                            .increment();
                    log.info(
                            "Delivery {} of {}-{}@{} failed, retrying: {}",
                            deliveryAttempt,
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            reason(failure));
                }
            }
        });
        return handler;
    }

    @Bean
    RecordInterceptor<Object, Object> consumedMessagesMetrics(MeterRegistry registry) {
        return new RecordInterceptor<>() {
            @Override
            public @Nullable ConsumerRecord<Object, Object> intercept(
                    ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                Counter.builder("messages.consumed")
                        .description("Messages a listener processed successfully (duplicates included)")
                        .tag("topic", record.topic())
                        .register(registry)
                        .increment();
            }
        };
    }

    @Bean
    ProducerListener<Object, Object> publishedEventsMetrics(MeterRegistry registry) {
        return new ProducerListener<>() {
            @Override
            public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
                Counter.builder("events.published")
                        .description("Events the broker acknowledged")
                        .tag("topic", record.topic())
                        .register(registry)
                        .increment();
            }

            @Override
            public void onError(
                    ProducerRecord<Object, Object> record, @Nullable RecordMetadata metadata, Exception failure) {
                Counter.builder("events.publication.failures")
                        .description("Sends the broker did not acknowledge; the outbox resubmits them")
                        .tag("topic", record.topic())
                        .register(registry)
                        .increment();
                log.warn("Could not publish to {} (the outbox keeps the event): {}", record.topic(), reason(failure));
            }
        };
    }

    static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableMessage || cause instanceof DeserializationException) {
                return false;
            }
        }
        return true;
    }

    static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableMessage) {
                return cause.getMessage();
            }
        }
        Throwable root = rootCause(failure);
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** A bounded tag value: UnprocessableMessage, or the class of the root cause. */
    static String reasonTag(Throwable failure) {
        return retryable(failure) ? rootCause(failure).getClass().getSimpleName() : "UnprocessableMessage";
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
