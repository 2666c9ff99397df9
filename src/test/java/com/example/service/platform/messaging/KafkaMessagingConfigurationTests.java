package com.example.service.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class KafkaMessagingConfigurationTests {

    @Test
    void deadLetterTopicsShouldBelongToTheConsumingGroup() {
        assertThat(KafkaMessagingConfiguration.deadLetterTopic("payments.payment-captured.v1", "billing-payments"))
                .isEqualTo("payments.payment-captured.v1.billing-payments.dlt");
        assertThat(KafkaMessagingConfiguration.deadLetterTopic("payments.payment-captured.v1", null))
                .isEqualTo("payments.payment-captured.v1.dlt");
    }

    @Test
    void anUnprocessableMessageShouldNotBeRetriedAndItsReasonKept() {
        var failure = new ListenerExecutionFailedException(
                "Listener failed", new UnprocessableMessage("No order 42", new IllegalStateException("inner")));

        assertThat(KafkaMessagingConfiguration.retryable(failure)).isFalse();
        assertThat(KafkaMessagingConfiguration.reason(failure)).isEqualTo("No order 42");
        assertThat(KafkaMessagingConfiguration.reasonTag(failure)).isEqualTo("UnprocessableMessage");
    }

    @Test
    void anythingElseShouldBeRetriedAndNamedByItsRootCause() {
        var failure = new ListenerExecutionFailedException(
                "Listener failed", new DataAccessResourceFailureException("database away"));

        assertThat(KafkaMessagingConfiguration.retryable(failure)).isTrue();
        assertThat(KafkaMessagingConfiguration.reason(failure))
                .isEqualTo(DataAccessResourceFailureException.class.getName() + ": database away");
        assertThat(KafkaMessagingConfiguration.reasonTag(failure)).isEqualTo("DataAccessResourceFailureException");
    }
}
