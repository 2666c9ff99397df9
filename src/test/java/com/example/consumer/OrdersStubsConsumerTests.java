package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.local.KafkaContractMessaging;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
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
 * What a team that calls the orders API or consumes its events does: run the service's published stubs jar
 * ({@code service-*-stubs.jar}, on the classpath after {@code package}) with Stub Runner and code against it: HTTP
 * answers from the stub server, events sent to a real Kafka broker on demand. Runs in {@code verify} through failsafe;
 * it lives outside {@code com.example.service} because it stands for another team's code.
 */
class OrdersStubsConsumerTests {

    static final LocalKafka kafka = LocalKafka.Embedded.start();

    @RegisterExtension
    static StubRunnerExtension orders = new StubRunnerExtension()
            .downloadStub("com.example", "service")
            .stubsMode(StubRunnerProperties.StubsMode.CLASSPATH)
            .messageVerifierSender(new KafkaContractMessaging(kafka.bootstrapServers()));

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

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

    @Test
    void aConsumerShouldReceiveOrderPlacedAsTheContractDescribesIt() {
        assertThat(orders.trigger("order_placed")).isTrue();

        try (KafkaTestClient consumer = new KafkaTestClient(kafka.bootstrapServers())) {
            var record = consumer.readUntil("orders.order-placed.v1", read -> !read.isEmpty(), Duration.ofSeconds(30))
                    .get(0);
            assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("com.example.orders.order-placed.v1");
            assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains("\"customerId\":\"contract-events-customer\"");
        }
    }
}
