package com.example.service.platform.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/** Observability wiring that Boot leaves to the application. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    /**
     * Boot applies it to its task executor: {@code @Async} work (Modulith's event listeners, the outbox's
     * externalization to Kafka) continues the trace of the request or message that started it.
     */
    @Bean
    ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }
}
