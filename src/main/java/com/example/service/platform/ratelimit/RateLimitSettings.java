package com.example.service.platform.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one caller may make ({@code service.rate-limits.*}): per endpoint group, per token subject, in
 * each instance of the service. A request counts against every group it matches; past a group's limit it is answered
 * 429 until enough of the period has passed.
 *
 * @param enabled whether requests are limited at all
 * @param maxCallers most callers remembered per group; a caller idle for a whole period is forgotten, which is the
 *     same as a full allowance
 * @param groups the endpoint groups by name; the name appears in the {@code RateLimit} headers and the meters
 */
@ConfigurationProperties("service.rate-limits")
@Validated
record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("100000") @Min(1) long maxCallers,
        @DefaultValue Map<String, @Valid Group> groups) {

    /**
     * @param paths path patterns ({@code /api/**}, {@code /api/orders/{id}})
     * @param methods HTTP methods; none means every method
     * @param limit requests allowed per period, and the largest burst
     * @param period the time over which {@code limit} requests are allowed; the allowance refills evenly across it
     */
    record Group(
            @NotEmpty List<String> paths,
            @DefaultValue List<HttpMethod> methods,
            @Min(1) long limit,
            @DefaultValue("1s") Duration period) {

        Group {
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("period must be positive, not " + period);
            }
        }
    }
}
