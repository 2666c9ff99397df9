package com.example.service.platform.ratelimit;

import com.example.service.platform.errors.ProblemTypes;
import com.example.service.platform.errors.Problems;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A caller passed an endpoint group's rate limit: 429 problem details with {@code Retry-After} and the
 * {@code RateLimit} headers, answered by the MVC exception handling like any other error response.
 */
class RequestRateLimited extends ErrorResponseException {

    RequestRateLimited(String name, RateLimitSettings.Group group, long retryAfterSeconds, String policy, String left) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                Problems.of(
                        HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.TOO_MANY_REQUESTS,
                        "Too Many Requests",
                        "More than %d requests in %s to the endpoints of group '%s'; retry after %d s."
                                .formatted(
                                        group.limit(),
                                        DurationStyle.SIMPLE.print(group.period()),
                                        name,
                                        retryAfterSeconds)),
                null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        getHeaders().set(RateLimiting.POLICY, policy);
        getHeaders().set(RateLimiting.REMAINING, left);
    }
}
