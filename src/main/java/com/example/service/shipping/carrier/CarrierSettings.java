package com.example.service.shipping.carrier;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the carrier's API is and how long a call may take ({@code shipping.carrier.*}). Retries, the circuit breaker
 * and the bulkhead are the Resilience4j instances named {@code carrier} ({@code resilience4j.*.instances.carrier}).
 *
 * @param baseUrl the carrier API's root, e.g. {@code https://api.carrier.example}
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest wait for the answer, per attempt
 */
@ConfigurationProperties("shipping.carrier")
@Validated
record CarrierSettings(
        @NotNull URI baseUrl,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) {}
