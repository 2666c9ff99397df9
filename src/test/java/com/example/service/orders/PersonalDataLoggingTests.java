package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Personal data never reaches a log line, even with every logger at DEBUG: the service is driven with canary values
 * through success and failure paths, and the captured output must not contain any of them. Requests go through the
 * JDK's client so that only the service's own logging is judged.
 */
@IntegrationTest
@TestPropertySource(properties = "logging.level.root=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingTests {

    private static final String EMAIL = "canary.mail.q7z@example.com";
    private static final String NAME = "Canaryname Qzx";
    private static final String LINE1 = "7 Canarylane Qzx";
    private static final String CITY = "Canaryville Qzx";
    private static final String POSTAL_CODE = "QZ7 9CX";
    private static final List<String> CANARIES = List.of(EMAIL, NAME, LINE1, CITY, POSTAL_CODE);

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    LocalTokens tokens;

    @AfterAll
    static void restoreLogLevel() {
        LoggingSystem.get(PersonalDataLoggingTests.class.getClassLoader())
                .setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @Test
    void personalDataShouldNeverBeLoggedEvenAtDebug(CapturedOutput output) throws Exception {
        String token = tokens.issue("orders:read orders:write orders:all");

        HttpResponse<String> placed = post("/api/orders", body("GB"), token, "canary-key");
        post("/api/orders", body("GB"), token, "canary-key");
        post("/api/orders", body("GB").replace("\"quantity\": 1", "\"quantity\": 2"), token, "canary-key");
        post("/api/orders", body("XX"), token, null);
        post("/api/orders", body("GB").replace("\"customerId\": \"canary-customer\"", "\"customerId\": "), token, null);
        String location = placed.headers().firstValue("Location").orElseThrow();
        get(location, token);
        get("/api/orders?customerId=canary-customer", token);

        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(output.getOut())
                .as("the requests were logged at all")
                .contains(location.substring(location.lastIndexOf('/') + 1))
                .contains("\"level\":\"DEBUG\"");
        assertThat(CANARIES).allSatisfy(canary -> assertThat(output.getAll()).doesNotContain(canary));
    }

    private HttpResponse<String> post(String path, String json, String token, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void get(String pathOrUrl, String token) throws Exception {
        URI uri = pathOrUrl.startsWith("http")
                ? URI.create(pathOrUrl)
                : URI.create("http://localhost:" + port + pathOrUrl);
        client.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String country) {
        return """
                {"customerId": "canary-customer", "email": "%s",
                 "shippingAddress": {"name": "%s", "line1": "%s", "city": "%s", "postalCode": "%s", "country": "%s"},
                 "lines": [{"sku": "SKU-1", "quantity": 1}]}
                """.formatted(EMAIL, NAME, LINE1, CITY, POSTAL_CODE, country);
    }
}
