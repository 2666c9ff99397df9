package com.example.service.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service publishes and consumes events ({@code service.messaging.*}).
 *
 * @param typePrefix reverse-DNS prefix of every {@code ce_type}: {@code <prefix>.<topic>}
 * @param source {@code ce_source} of published events, followed by {@code /<module>}
 * @param retry blocking retries of a failed message before it is dead-lettered
 * @param outbox resubmission of publications that failed or went stale
 */
@ConfigurationProperties("service.messaging")
record MessagingSettings(
        @DefaultValue("com.example") String typePrefix,
        @DefaultValue("/service") String source,
        @DefaultValue Retry retry,
        @DefaultValue Outbox outbox) {

    /**
     * @param initialInterval wait before the first retry
     * @param multiplier growth of the wait between retries
     * @param maxInterval longest wait between retries
     * @param maxRetries retries after the first attempt; then the message goes to the dead-letter topic
     */
    record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("4") int maxRetries) {}

    /**
     * @param resubmissionInterval how often failed publications are resubmitted
     * @param batchSize most publications resubmitted per round
     */
    record Outbox(
            @DefaultValue("10s") Duration resubmissionInterval,
            @DefaultValue("100") int batchSize) {}
}
