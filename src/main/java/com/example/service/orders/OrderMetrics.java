package com.example.service.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The orders module's own meters: {@code orders.placed}, {@code orders.paid} and {@code orders.cancelled}. */
@Component
class OrderMetrics {

    private final Counter placed;
    private final Counter cancelled;
    private final Counter paid;

    OrderMetrics(MeterRegistry registry) {
        this.placed = Counter.builder("orders.placed")
                .description("Orders placed (idempotent repeats not counted)")
                .register(registry);
        this.cancelled = Counter.builder("orders.cancelled")
                .description("Orders cancelled")
                .register(registry);
        this.paid = Counter.builder("orders.paid")
                .description("Orders paid (payment captured)")
                .register(registry);
    }

    void placed() {
        placed.increment();
    }

    void paid() {
        paid.increment();
    }

    void cancelled() {
        cancelled.increment();
    }
}
