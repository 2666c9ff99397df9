package com.example.service.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Rate limits per caller, on the tests' own group {@code platform-tests} (3 requests an hour, set in
 * {@code IntegrationTest}) and on the service's default groups.
 */
@IntegrationTest
class RateLimitsIntegrationTests {

    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    MeterRegistry meters;

    /**
     * A client that answers 429 as it comes. The tests' default client (Apache HttpClient, there for WireMock) waits
     * for {@code Retry-After} and sends the request again, as a well-behaved client would.
     */
    @BeforeEach
    void connect(@Value("${local.server.port}") int port) {
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void aCallerPastTheLimitShouldBeAnswered429WithWhenToComeBack() {
        String token = tokens.issue(aCaller(), TestApi.SCOPE);
        double limitedBefore = limited("platform-tests");

        for (int left = 2; left >= 0; left--) {
            EntityExchangeResult<String> within = get(TestApi.LIMITED, token);
            assertThat(within.getStatus().value()).isEqualTo(200);
            assertThat(within.getResponseHeaders().getFirst("RateLimit-Policy"))
                    .isEqualTo("\"platform-tests\";q=3;w=3600");
            assertThat(within.getResponseHeaders().getFirst("RateLimit"))
                    .startsWith("\"platform-tests\";r=" + left + ";t=");
        }

        EntityExchangeResult<String> refused = get(TestApi.LIMITED, token);
        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody())
                .contains("\"type\":\"https://example.com/problems/too-many-requests\"")
                .contains("group 'platform-tests'")
                .contains("\"traceId\"");
        // The allowance refills evenly: one request every 1,200 s.
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 1200L);
        assertThat(refused.getResponseHeaders().getFirst("RateLimit")).startsWith("\"platform-tests\";r=0;t=");
        assertThat(limited("platform-tests")).isEqualTo(limitedBefore + 1);
    }

    @Test
    void eachCallerShouldHaveItsOwnAllowance() {
        String first = tokens.issue(aCaller(), TestApi.SCOPE);
        for (int i = 0; i < 3; i++) {
            get(TestApi.LIMITED, first);
        }
        assertThat(get(TestApi.LIMITED, first).getStatus().value()).isEqualTo(429);

        assertThat(get(TestApi.LIMITED, tokens.issue(aCaller(), TestApi.SCOPE))
                        .getStatus()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void aRequestWithoutATokenShouldBeRefusedByTheSecurityChainNotCounted() {
        double limitedBefore = limited("platform-tests");
        for (int i = 0; i < 4; i++) {
            assertThat(http.get()
                            .uri(TestApi.LIMITED)
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value())
                    .isEqualTo(401);
        }
        assertThat(limited("platform-tests")).isEqualTo(limitedBefore);
    }

    @Test
    void theServicesOwnGroupsShouldApplyToItsApi() {
        String token = tokens.issue(aCaller(), TestApi.SCOPE);

        EntityExchangeResult<String> read = get("/api/platform-tests/numbers/6", token);
        assertThat(read.getStatus().value()).isEqualTo(200);
        assertThat(read.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"reads\";q=100;w=1");
        assertThat(read.getResponseHeaders().getFirst("RateLimit")).isEqualTo("\"reads\";r=99;t=1");

        EntityExchangeResult<String> write = http.post()
                .uri("/api/platform-tests/greetings")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"Ada\",\"country\":\"GB\"}")
                .exchange()
                .returnResult(String.class);
        assertThat(write.getStatus().value()).isEqualTo(200);
        assertThat(write.getResponseHeaders().getFirst("RateLimit-Policy")).isEqualTo("\"writes\";q=20;w=1");
    }

    @Test
    void operatorEndpointsShouldNotBeLimitedWithTheApi() {
        var answer = http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .returnResult(String.class);
        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseHeaders().containsHeader("RateLimit")).isFalse();
    }

    private EntityExchangeResult<String> get(String path, String token) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult(String.class);
    }

    private double limited(String group) {
        return meters.get("http.server.requests.limited")
                .tag("group", group)
                .counter()
                .count();
    }

    private static String aCaller() {
        return "rate-" + UUID.randomUUID();
    }
}
