package com.example.service.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits how many requests each caller makes per endpoint group ({@code service.rate-limits.*}, see
 * {@code docs/security.md}). The limit holds in each instance: a fleet of N replicas behind a balancer allows a
 * caller up to N times as much, which is what the edge limit in front of the fleet is for.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    WebMvcConfigurer rateLimits(RateLimitSettings settings, MeterRegistry meters) {
        var limits = new RateLimiting(settings, meters);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (!settings.enabled()) {
                    return;
                }
                // Before any other interceptor: a refused request costs as little as possible.
                registry.addInterceptor(limits).order(Integer.MIN_VALUE);
            }
        };
    }
}
