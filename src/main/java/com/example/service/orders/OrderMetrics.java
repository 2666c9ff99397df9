package com.example.service.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The orders module's own meters: {@code orders.placed} and {@code orders.cancelled}. */
@Component
class OrderMetrics {

    private final Counter placed;
    private final Counter cancelled;

    OrderMetrics(MeterRegistry registry) {
        this.placed = Counter.builder("orders.placed")
                .description("Orders placed (idempotent repeats not counted)")
                .register(registry);
        this.cancelled = Counter.builder("orders.cancelled")
                .description("Orders cancelled")
                .register(registry);
    }

    void placed() {
        placed.increment();
    }

    void cancelled() {
        cancelled.increment();
    }
}
