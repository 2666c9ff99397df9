package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.contract.stubrunner.junit.StubRunnerExtension;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * What a team that calls the orders API does: run the service's published stubs jar ({@code service-*-stubs.jar}, on
 * the classpath after {@code package}) with Stub Runner and code against it. Runs in {@code verify} through failsafe;
 * it lives outside {@code com.example.service} because it stands for another team's code.
 */
class OrdersStubsConsumerTests {

    @RegisterExtension
    static StubRunnerExtension orders = new StubRunnerExtension()
            .downloadStub("com.example", "service")
            .stubsMode(StubRunnerProperties.StubsMode.CLASSPATH);

    @Test
    void aCallerShouldReadAnOrderFromTheStubs() {
        RestClient api = RestClient.create(orders.findStubUrl("service").toString());

        String order = api.get()
                .uri("/api/orders/0d5e5c2e-1c1a-4f7e-9a57-7c2f0e0c0a01")
                .header(HttpHeaders.AUTHORIZATION, "Bearer a-token-from-our-issuer")
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(String.class);

        assertThat(order).contains("\"status\":\"PLACED\"").contains("\"customerId\":\"contract-customer\"");
    }

    @Test
    void aCallerShouldSeeTheUnknownOrderProblem() {
        RestClient api = RestClient.create(orders.findStubUrl("service").toString());

        try {
            api.get()
                    .uri("/api/orders/00000000-0000-4000-8000-000000000000")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer a-token-from-our-issuer")
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .toBodilessEntity();
            throw new AssertionError("expected 404");
        } catch (HttpClientErrorException notFound) {
            assertThat(notFound.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(notFound.getResponseBodyAsString()).contains("problems/order-not-found");
        }
    }
}
