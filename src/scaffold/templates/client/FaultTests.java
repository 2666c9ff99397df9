package {{package}}.{{module}}.{{client}};

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import {{package}}.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {{provider}}'s API misbehaving, played by a real HTTP server (WireMock): errors and dropped connections are
 * retried, a refusal is not, a hang is cut off within the timeout budget, and the circuit breaker opens.
 */
@IntegrationTest
class {{Client}}FaultTests {

    static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    static final int ATTEMPTS = 3;
    static final String PATH = "/v1/items/ref-0001";
    static final String ITEM = "{\"reference\":\"ref-0001\",\"status\":\"AVAILABLE\"}";

    static WireMockServer server = new WireMockServer(options().dynamicPort());

    @Autowired
    {{Client}}Client client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeAll
    static void startServer() {
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        properties.add("local.apis.{{client}}.enabled", () -> "false");
        properties.add("{{module}}.{{client}}.base-url", server::baseUrl);
        properties.add("{{module}}.{{client}}.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        breaker().reset();
    }

    @Test
    void serverErrorsShouldBeRetriedThenReportedUnavailable() {
        answer(aResponse().withStatus(500));

        assertThatExceptionOfType({{Client}}Unavailable.class).isThrownBy(() -> client.item("ref-0001"));

        server.verify(ATTEMPTS, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void droppedConnectionsShouldBeRetriedThenReportedUnavailable() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatExceptionOfType({{Client}}Unavailable.class).isThrownBy(() -> client.item("ref-0001"));

        // The JDK client itself retries an idempotent GET once after a reset, so each attempt may reach it twice.
        server.verify(moreThanOrExactly(ATTEMPTS), getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aRefusalShouldNotBeRetried() {
        answer(aResponse().withStatus(404));

        assertThatExceptionOfType({{Client}}Rejected.class).isThrownBy(() -> client.item("ref-0001"));

        server.verify(1, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aHangingApiShouldHoldNoThreadLongerThanTheTimeoutBudget() {
        answer(aResponse().withStatus(200).withFixedDelay(10_000).withBody(ITEM));
        // Every attempt is cut off at the read timeout; the waits between them are 200 ms and 400 ms, +/- 50 %.
        Duration budget = READ_TIMEOUT.multipliedBy(ATTEMPTS).plus(Duration.ofMillis(300 + 600 + 500));

        long start = System.nanoTime();
        assertThatExceptionOfType({{Client}}Unavailable.class).isThrownBy(() -> client.item("ref-0001"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(budget);
    }

    @Test
    void repeatedFailuresShouldOpenTheCircuitAndShedLoad() {
        answer(aResponse().withStatus(503));
        for (int call = 0; call < 5 && breaker().getState() == CircuitBreaker.State.CLOSED; call++) {
            assertThatThrownBy(() -> client.item("ref-0001"))
                    .isInstanceOfAny({{Client}}Unavailable.class, CallNotPermittedException.class);
        }
        server.resetRequests();

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> client.item("ref-0001"));
        server.verify(0, getRequestedFor(urlEqualTo(PATH)));
    }

    private static void answer(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(response.withHeader("Content-Type", "application/json")));
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker({{Client}}Client.NAME);
    }
}
