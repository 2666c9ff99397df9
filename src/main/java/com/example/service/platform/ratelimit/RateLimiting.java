package com.example.service.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts each authenticated request against the endpoint groups it matches, per caller (the token's subject), with one
 * Bucket4j token bucket per caller and group. Within the limit the answer carries the {@code RateLimit-Policy} and
 * {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers) of the group with the least left; past it, the
 * request is refused with {@link RequestRateLimited} before its handler runs, and the group's
 * {@code http.server.requests.limited} counter grows.
 */
class RateLimiting implements HandlerInterceptor {

    static final String POLICY = "RateLimit-Policy";
    static final String REMAINING = "RateLimit";

    private final List<Limit> limits;

    RateLimiting(RateLimitSettings settings, MeterRegistry meters) {
        this.limits = settings.groups().entrySet().stream()
                .map(group -> new Limit(group.getKey(), group.getValue(), settings.maxCallers(), meters))
                .toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return true; // the security filter chain decides about requests without a token
        }
        PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
                : PathContainer.parsePath(request.getRequestURI());
        String method = request.getMethod();
        long tightestRemaining = Long.MAX_VALUE;
        for (Limit limit : limits) {
            if (!limit.matches(method, path)) {
                continue;
            }
            ConsumptionProbe probe = limit.consume(caller.getName());
            if (!probe.isConsumed()) {
                throw limit.refused(probe);
            }
            if (probe.getRemainingTokens() < tightestRemaining) {
                tightestRemaining = probe.getRemainingTokens();
                response.setHeader(POLICY, limit.policy);
                response.setHeader(REMAINING, limit.remaining(probe));
            }
        }
        return true;
    }

    /** One endpoint group: what it matches, its buckets by caller, and its counter of refused requests. */
    private static final class Limit {

        private final String name;
        private final RateLimitSettings.Group group;
        private final List<PathPattern> paths;
        private final Set<String> methods;
        private final Bandwidth bandwidth;
        private final Cache<String, Bucket> buckets;
        private final Counter refused;
        private final String policy;

        Limit(String name, RateLimitSettings.Group group, long maxCallers, MeterRegistry meters) {
            this.name = name;
            this.group = group;
            this.paths = group.paths().stream()
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
            this.methods = group.methods().stream().map(HttpMethod::name).collect(Collectors.toSet());
            this.bandwidth = Bandwidth.builder()
                    .capacity(group.limit())
                    .refillGreedy(group.limit(), group.period())
                    .build();
            // A bucket idle for a whole period is full again, so forgetting it then changes nothing.
            this.buckets = Caffeine.newBuilder()
                    .expireAfterAccess(group.period())
                    .maximumSize(maxCallers)
                    .build();
            this.refused = Counter.builder("http.server.requests.limited")
                    .description("Requests refused because their caller passed the group's rate limit")
                    .tag("group", name)
                    .register(meters);
            this.policy = "\"%s\";q=%d;w=%d"
                    .formatted(name, group.limit(), seconds(group.period().toNanos()));
        }

        boolean matches(String method, PathContainer path) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        ConsumptionProbe consume(String caller) {
            return buckets.get(
                            caller, key -> Bucket.builder().addLimit(bandwidth).build())
                    .tryConsumeAndReturnRemaining(1);
        }

        String remaining(ConsumptionProbe probe) {
            return "\"" + name + "\";r=" + probe.getRemainingTokens() + ";t=" + seconds(probe.getNanosToWaitForReset());
        }

        RequestRateLimited refused(ConsumptionProbe probe) {
            refused.increment();
            long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
            return new RequestRateLimited(name, group, retryAfter, policy, remaining(probe));
        }

        /** Whole seconds, rounded up: a caller told to wait never comes back too early. */
        private static long seconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}
