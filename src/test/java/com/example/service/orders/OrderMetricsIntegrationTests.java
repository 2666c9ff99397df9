package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The module's business meters, as Prometheus scrapes them. */
@IntegrationTest
class OrderMetricsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.application.name}")
    String application;

    @Test
    void placedOrdersShouldBeCounted() {
        double before = meters.counter("orders.placed").count();

        place("metrics-customer");

        assertThat(meters.counter("orders.placed").count()).isEqualTo(before + 1);
        String scrape = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape).contains("orders_placed_total{application=\"%s\"}".formatted(application));
    }

    @Test
    void repositoryCallsShouldNotEachBeTimed() {
        place("repository-timer-customer");

        // management.metrics.data.repository.autotime.enabled=false: the request's own timer covers the call.
        assertThat(meters.find("spring.data.repository.invocations").timers()).isEmpty();
        assertThat(meters.find("http.server.requests").tag("uri", "/api/orders").timers())
                .isNotEmpty();
    }

    private void place(String customer) {
        http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue("orders:write orders:all"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(OrderFixtures.validRequestJson(customer))
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
