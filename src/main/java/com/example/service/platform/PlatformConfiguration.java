package com.example.service.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure beans that belong to no single concern. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one clock the service reads, so that tests can replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
