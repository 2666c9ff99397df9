package com.example.service.platform;

import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

/** Shared infrastructure beans that belong to no single concern. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock the service reads, so that tests can replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Spring Data JDBC publishes an application event before and after each aggregate it converts, saves or deletes
     * ({@code BeforeConvertEvent}, {@code AfterSaveEvent}, {@code AfterConvertEvent}, ...), on every read and write,
     * each through the event multicaster. They are off: a module reacts to what happened to an aggregate through the
     * aggregate's own domain events ({@code registerEvent}, the outbox's input, not affected), and to its storage
     * through an entity callback ({@code BeforeSaveCallback}, ..., which still runs).
     */
    @Bean
    static BeanPostProcessor noEntityLifecycleEvents() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JdbcAggregateTemplate template) {
                    template.setEntityLifecycleEventsEnabled(false);
                }
                return bean;
            }
        };
    }
}
