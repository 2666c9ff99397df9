package com.example.service.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What operators and scrapers see: open health, info and metrics; everything else closed. */
@IntegrationTest
class ActuatorIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Value("${spring.application.name}")
    String application;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus"
            })
    void operationalEndpointsShouldBeReadableWithoutAToken(String path) {
        http.get().uri(path).exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/heapdump",
                "/actuator/loggers",
                "/actuator/metrics",
                "/actuator/threaddump",
                "/actuator/shutdown"
            })
    void everyOtherActuatorEndpointShouldStayClosedEvenToAnAdmin(String path) {
        http.get().uri(path).exchange().expectStatus().isUnauthorized();
        int status = http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue("flags:admin ops:admin"))
                .exchange()
                .returnResult()
                .getStatus()
                .value();
        assertThat(status).isIn(403, 404);
    }

    @Test
    void readinessShouldIncludeTheDatabaseAndKafkaAndLivenessShouldNot() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("kafka")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
        assertThat(healthGroups.get("liveness").isMember("kafka")).isFalse();
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void httpLatencyShouldBeRecordedInSloBucketsTaggedWithTheApplication() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertThat(scrape())
                .contains("http_server_requests_seconds_bucket{application=\"%s\"".formatted(application))
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.025\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.25\"");
    }

    private String scrape() {
        return http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
