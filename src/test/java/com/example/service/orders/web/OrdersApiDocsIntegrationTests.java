package com.example.service.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The orders API as its description publishes it: its operations, and the failures of its own it documents. */
@IntegrationTest
class OrdersApiDocsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void apiDocsShouldDescribeTheOrdersOperations() {
        assertThat(api().getPaths()).containsKeys("/api/orders", "/api/orders/{id}", "/api/orders/{id}/cancel");
    }

    @Test
    void cancellationShouldDocumentItsOwnFailures() {
        Operation cancel = api().getPaths().get("/api/orders/{id}/cancel").getPost();

        assertThat(cancel.getResponses()).containsKeys("200", "400", "401", "403", "404", "409", "500");
        assertThat(cancel.getDescription()).contains("ORDERS_CANCELLATION");
    }

    private OpenAPI api() {
        String json = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return new OpenAPIParser().readContents(json, null, null).getOpenAPI();
    }
}
