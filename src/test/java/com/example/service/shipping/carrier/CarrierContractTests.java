package com.example.service.shipping.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.local.LocalApi;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Our client against the carrier team's published contract, served by Stub Runner: if they change what they accept or
 * answer, this fails here.
 */
class CarrierContractTests {

    static LocalApi carrier;

    @BeforeAll
    static void startCarrier() {
        carrier = LocalApi.start("carrier");
    }

    @AfterAll
    static void stopCarrier() {
        carrier.close();
    }

    @Test
    void bookingShouldBeAcceptedAndAnswerTheCarriersIdAndTrackingNumber() {
        var client = new CarrierConfiguration()
                .carrierClient(
                        RestClient.builder(),
                        new CarrierSettings(
                                java.net.URI.create(carrier.baseUrl()), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                        RetryRegistry.ofDefaults(),
                        CircuitBreakerRegistry.ofDefaults(),
                        BulkheadRegistry.ofDefaults());

        CarrierBooking booking = client.book(new BookingRequest(
                UUID.randomUUID().toString(),
                new BookingRequest.Recipient("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB")));

        assertThat(booking.id()).isEqualTo("shp_7Hq2Lm9Xc4");
        assertThat(booking.trackingNumber()).isEqualTo("CR123456789GB");
    }
}
