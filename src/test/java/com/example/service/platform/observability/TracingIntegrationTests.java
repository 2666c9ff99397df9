package com.example.service.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A request's trace id reaches its answer and its log lines; nothing is pushed to a collector unless configured. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    ApplicationContext context;

    @Test
    void problemShouldCarryTheTraceIdOfTheIncomingRequest() {
        String traceId = newTraceId();

        http.get()
                .uri("/api/no-such-resource/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .header("traceparent", traceparent(traceId))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.traceId")
                .isEqualTo(traceId);
    }

    @Test
    void unauthorizedProblemShouldCarryTheTraceIdToo() {
        String traceId = newTraceId();

        http.get()
                .uri("/api/no-such-resource")
                .header("traceparent", traceparent(traceId))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.traceId")
                .isEqualTo(traceId);
    }

    @Test
    void logLinesOfARequestShouldCarryItsTraceAndSpanIds(CapturedOutput output) {
        String traceId = newTraceId();

        // An operator's request that the platform logs at INFO: resubmitting the outbox's stale publications.
        http.post()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .header("traceparent", traceparent(traceId))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"olderThan\": \"PT1H\"}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(output.getOut().lines().filter(line -> line.contains("Resubmitting incomplete event publications")))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("{")
                        .contains("\"traceId\":\"" + traceId + "\"")
                        .containsPattern("\"spanId\":\"[0-9a-f]{16}\""));
    }

    @Test
    void spansShouldNotBeExportedOverOtlpWithoutAnEndpoint() {
        assertThat(context.getBeansOfType(SpanExporter.class).values())
                .extracting(exporter -> exporter.getClass().getSimpleName())
                .noneMatch(name -> name.contains("Otlp"));
    }

    @Test
    void metricsShouldBeScrapedNotPushedOverOtlp() {
        assertThat(context.getBeansOfType(MeterRegistry.class).values())
                .extracting(registry -> registry.getClass().getSimpleName())
                .contains("PrometheusMeterRegistry")
                .noneMatch(name -> name.contains("Otlp"));
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }
}
