package com.example.service.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.example.service.IntegrationTest;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.Payment;
import com.example.service.shipping.carrier.BookingRequest;
import com.example.service.shipping.carrier.CarrierClient;
import com.example.service.shipping.carrier.CarrierUnavailable;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The carrier misbehaving, played by a real HTTP server (WireMock): errors, hangs, dropped connections, slow answers.
 * Calls are cut off at the timeout and retried with backoff, the breaker opens, sheds load, probes and closes, the
 * bulkhead caps concurrent calls, and no shipment is lost: it waits, pending, until the carrier is back.
 */
@IntegrationTest
class CarrierFaultTests {

    static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    static final int ATTEMPTS = 3;
    static final int CONCURRENT_CALLS = 2;
    static final String CREATED =
            "{\"id\":\"shp_Fault00001\",\"trackingNumber\":\"CR000000001GB\",\"status\":\"BOOKED\"}";

    static WireMockServer carrier = new WireMockServer(options().dynamicPort());

    @Autowired
    CarrierClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    OrderManagement orders;

    @Autowired
    ShipmentManagement shipments;

    @BeforeAll
    static void startCarrier() {
        carrier.start();
    }

    @AfterAll
    static void stopCarrier() {
        carrier.stop();
    }

    @DynamicPropertySource
    static void carrierSettings(DynamicPropertyRegistry properties) {
        properties.add("local.apis.carrier.enabled", () -> "false");
        properties.add("shipping.carrier.base-url", carrier::baseUrl);
        properties.add("shipping.carrier.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        properties.add("resilience4j.circuitbreaker.instances.carrier.wait-duration-in-open-state", () -> "1s");
        properties.add("resilience4j.bulkhead.instances.carrier.max-concurrent-calls", () -> CONCURRENT_CALLS);
        properties.add("shipping.jobs.booking-retry.after", () -> "0s");
    }

    @BeforeEach
    void reset() {
        carrier.resetAll();
        breaker().reset();
    }

    @Test
    void serverErrorsShouldBeRetriedWithTheSameIdempotencyKeyThenReportedUnavailable() {
        answer(aResponse().withStatus(500));
        String reference = UUID.randomUUID().toString();

        assertThatExceptionOfType(CarrierUnavailable.class).isThrownBy(() -> client.book(request(reference)));

        carrier.verify(
                ATTEMPTS,
                postRequestedFor(urlEqualTo("/v1/shipments")).withHeader("Idempotency-Key", equalTo(reference)));
    }

    @Test
    void aCarrierThatHangsShouldHoldNoThreadLongerThanTheTimeoutBudget() {
        answer(aResponse().withStatus(201).withFixedDelay(10_000).withBody(CREATED));
        // Every attempt is cut off at the read timeout; the waits between them are 200 ms and 400 ms, +/- 50 %.
        Duration budget = READ_TIMEOUT.multipliedBy(ATTEMPTS).plus(Duration.ofMillis(300 + 600 + 500));

        long start = System.nanoTime();
        assertThatExceptionOfType(CarrierUnavailable.class)
                .isThrownBy(() -> client.book(request(UUID.randomUUID().toString())));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(budget);
    }

    @Test
    void droppedConnectionsShouldBeRetriedThenReportedUnavailable() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThatExceptionOfType(CarrierUnavailable.class)
                .isThrownBy(() -> client.book(request(UUID.randomUUID().toString())));

        carrier.verify(ATTEMPTS, postRequestedFor(urlEqualTo("/v1/shipments")));
    }

    @Test
    void aSlowAnswerWithinTheTimeoutShouldStillBook() {
        answer(created().withFixedDelay(200));

        assertThat(client.book(request(UUID.randomUUID().toString())).trackingNumber())
                .isEqualTo("CR000000001GB");
    }

    @Test
    void theBreakerShouldOpenShedLoadProbeAndClose() {
        answer(aResponse().withStatus(503));
        while (breaker().getState() == CircuitBreaker.State.CLOSED) {
            // The breaker may open between two attempts of one call: that call then ends not permitted.
            assertThatThrownBy(() -> client.book(request(UUID.randomUUID().toString())))
                    .isInstanceOfAny(CarrierUnavailable.class, CallNotPermittedException.class);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int seen = carrier.getAllServeEvents().size();

        // Open: calls fail at once, and the carrier sees none of them.
        assertThatExceptionOfType(CallNotPermittedException.class)
                .isThrownBy(() -> client.book(request(UUID.randomUUID().toString())));
        assertThat(carrier.getAllServeEvents()).hasSize(seen);

        // The carrier recovers; after the open wait the breaker lets probes through, and they close it.
        answer(created());
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker().getState() == CircuitBreaker.State.HALF_OPEN);
        client.book(request(UUID.randomUUID().toString()));
        client.book(request(UUID.randomUUID().toString()));
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBulkheadShouldRefuseCallsBeyondItsLimitAtOnce() throws Exception {
        answer(created().withFixedDelay(400));
        CountDownLatch started = new CountDownLatch(CONCURRENT_CALLS);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            inFlight.add(CompletableFuture.runAsync(() -> {
                started.countDown();
                client.book(request(UUID.randomUUID().toString()));
            }));
        }
        started.await();
        await().atMost(Duration.ofSeconds(2))
                .until(() -> carrier.getAllServeEvents().size() >= CONCURRENT_CALLS);

        assertThatExceptionOfType(BulkheadFullException.class)
                .isThrownBy(() -> client.book(request(UUID.randomUUID().toString())));
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
    }

    @Test
    void aShipmentShouldWaitPendingWhileTheCarrierIsDownAndTheRetryJobBookItOnceWhenItIsBack() {
        answer(aResponse().withStatus(503));
        UUID order = orders.place(OrderFixtures.newOrder("carrier-down-" + UUID.randomUUID()), null)
                .order()
                .getId();

        orders.pay(order, new Payment("pay-" + order, BigDecimal.TEN, "EUR", Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(shipments.find(order)).hasValueSatisfying(shipment -> {
                    assertThat(shipment.status()).isEqualTo(ShipmentStatus.PENDING_BOOKING);
                    assertThat(shipment.bookingAttempts()).isEqualTo(1);
                }));

        carrier.verify(ATTEMPTS, postRequestedFor(urlEqualTo("/v1/shipments")));

        // The carrier is back: the retry job's work books it, and a second run finds nothing left to do for it.
        answer(created());
        breaker().reset();
        assertThat(shipments.retryPendingBookings().processed()).isPositive();
        assertThat(shipments.find(order))
                .hasValueSatisfying(shipment -> assertThat(shipment.status()).isEqualTo(ShipmentStatus.BOOKED));
        shipments.retryPendingBookings();

        assertThat(shipments.find(order)).hasValueSatisfying(shipment -> {
            assertThat(shipment.trackingNumber()).isEqualTo("CR000000001GB");
            assertThat(shipment.bookingAttempts()).isEqualTo(2);
        });
        // The attempts while it was down, and one booking: a booked shipment is not booked again.
        carrier.verify(
                ATTEMPTS + 1,
                postRequestedFor(urlEqualTo("/v1/shipments"))
                        .withHeader("Idempotency-Key", equalTo(order.toString()))
                        .withRequestBody(WireMock.containing("\"reference\"")));
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker("carrier");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(CREATED);
    }

    private static void answer(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        carrier.resetMappings();
        carrier.stubFor(WireMock.post(urlEqualTo("/v1/shipments")).willReturn(response));
    }

    private static BookingRequest request(String reference) {
        return new BookingRequest(
                reference,
                new BookingRequest.Recipient("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"));
    }
}
