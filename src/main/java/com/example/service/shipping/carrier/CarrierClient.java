package com.example.service.shipping.carrier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Books shipments with the carrier: {@code POST /v1/shipments} with an {@code Idempotency-Key}, answered {@code 201}
 * with the carrier's id and a tracking number. Every call goes through the Resilience4j instances named
 * {@value #CARRIER}: a bulkhead (so a slow carrier cannot take every thread), a circuit breaker (so a failing one is
 * left alone for a while) and retries with exponential backoff and jitter (safe because of the idempotency key), the
 * same order as Resilience4j's annotations give, built from its registries (no aspects to weave at start-up).
 */
public class CarrierClient {

    static final String CARRIER = "carrier";

    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    CarrierClient(RestClient http, Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.http = http;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
    }

    /**
     * Books the shipment, or answers the booking the carrier already made for the same reference. Fails with
     * {@link CarrierUnavailable} (try later) or {@link CarrierRejected} (do not).
     */
    public CarrierBooking book(BookingRequest request) {
        return resilient(() -> send(request));
    }

    /** Retries around the circuit breaker around the bulkhead around the call. */
    private <T> T resilient(Supplier<T> call) {
        return Retry.decorateSupplier(
                        retry,
                        CircuitBreaker.decorateSupplier(circuitBreaker, Bulkhead.decorateSupplier(bulkhead, call)))
                .get();
    }

    private CarrierBooking send(BookingRequest request) {
        var recipient = request.recipient();
        try {
            CarrierBooking booking = http.post()
                    .uri("/v1/shipments")
                    .header("Idempotency-Key", request.reference())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "reference", request.reference(),
                            "recipient",
                                    Map.of(
                                            "name", recipient.name(),
                                            "line1", recipient.line1(),
                                            "city", recipient.city(),
                                            "postalCode", recipient.postalCode(),
                                            "country", recipient.country())))
                    .retrieve()
                    .body(CarrierBooking.class);
            if (booking == null || booking.id() == null || booking.trackingNumber() == null) {
                throw new CarrierUnavailable("The carrier answered a booking without id or tracking number", null);
            }
            return booking;
        } catch (RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            if (answered.getStatusCode().is4xxClientError() && status != HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new CarrierRejected(
                        status, "The carrier refused booking " + request.reference() + " with " + status);
            }
            throw new CarrierUnavailable("The carrier answered " + status, answered);
        } catch (ResourceAccessException unreachable) {
            throw new CarrierUnavailable("The carrier could not be reached: " + unreachable.getMessage(), unreachable);
        }
    }
}
