package com.example.service.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.PlatformTestFeatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/** Flags are switched by an admin, stored in PostgreSQL for every instance, and visible as metrics. */
@IntegrationTest
class FeatureFlagsIntegrationTests {

    private static final String FLAG = PlatformTestFeatures.Features.PLATFORM_TEST_FLAG.name();

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeatureManager features;

    @Value("${spring.application.name}")
    String application;

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState(feature(), false));
    }

    @Test
    void flagsAdminShouldSwitchAFlagWhoseStateIsStoredInPostgres() {
        switchFlag(true);
        assertThat(storedState()).isEqualTo(1);
        assertThat(features.isActive(feature())).isTrue();

        switchFlag(false);
        assertThat(storedState()).isEqualTo(0);
        assertThat(features.isActive(feature())).isFalse();
    }

    @Test
    void togglzEndpointShouldNeedTheFlagsAdminScope() {
        http.get().uri("/actuator/togglz").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/togglz")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/actuator/togglz")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("flags:admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.name == '%s')].enabled".formatted(FLAG))
                .isEqualTo(false);
    }

    @Test
    void consoleShouldNeedTheFlagsAdminScope() {
        http.get().uri("/togglz-console/index").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/togglz-console/index")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void everyFlagShouldHaveAGaugeThatFollowsItsState() {
        assertThat(scrape()).contains(gauge("0.0"));

        switchFlag(true);

        assertThat(scrape()).contains(gauge("1.0"));
    }

    private void switchFlag(boolean enabled) {
        http.post()
                .uri("/actuator/togglz/{name}", FLAG)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("flags:admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\": " + enabled + "}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private int storedState() {
        return jdbc.sql("select feature_enabled from togglz where feature_name = ?")
                .param(FLAG)
                .query(Integer.class)
                .single();
    }

    private String scrape() {
        return http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private String gauge(String value) {
        return "feature_flag_enabled{application=\"%s\",flag=\"%s\",module=\"platform\"} %s"
                .formatted(application, FLAG, value);
    }

    private Feature feature() {
        return features.getFeatures().stream()
                .filter(feature -> feature.name().equals(FLAG))
                .findFirst()
                .orElseThrow();
    }
}
