package com.example.service.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The orders module's settings ({@code orders.*}).
 *
 * @param jobs the module's background jobs
 */
@ConfigurationProperties("orders")
@Validated
record OrdersSettings(@DefaultValue @Valid Jobs jobs) {

    /**
     * @param expiry cancelling orders left unpaid
     * @param retention removing personal data of closed orders
     */
    record Jobs(
            @DefaultValue @Valid Expiry expiry,
            @DefaultValue @Valid Retention retention) {}

    /**
     * @param unpaidFor how long a placed order may stay unpaid before it is cancelled as EXPIRED
     * @param batchSize most orders one run handles
     */
    record Expiry(
            @DefaultValue("24h") Duration unpaidFor,
            @DefaultValue("100") @Positive int batchSize) {}

    /**
     * @param keepPersonalDataFor how long after an order is closed (paid or cancelled) its email and address are kept
     * @param batchSize most orders one run handles
     */
    record Retention(
            @DefaultValue("90d") Duration keepPersonalDataFor,
            @DefaultValue("500") @Positive int batchSize) {}
}
