package com.example.service.shipping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shipping module's settings ({@code shipping.*}; the carrier client's are {@code shipping.carrier.*}).
 *
 * @param jobs the module's background jobs
 */
@ConfigurationProperties("shipping")
@Validated
record ShippingSettings(@DefaultValue @Valid Jobs jobs) {

    /** @param bookingRetry booking shipments still pending */
    record Jobs(@DefaultValue @Valid BookingRetry bookingRetry) {}

    /**
     * @param after how long after its last attempt a pending shipment is tried again
     * @param batchSize most shipments one run tries
     */
    record BookingRetry(
            @DefaultValue("1m") Duration after,
            @DefaultValue("50") @Positive int batchSize) {}
}
