package com.example.service.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What operators and scrapers see: open health, info (version and commit) and metrics; the SBOM to operators;
 * everything else closed.
 */
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
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + tokens.issue(tokens.operator("flags:admin") + " " + tokens.operator("ops:admin")))
                .exchange()
                .returnResult()
                .getStatus()
                .value();
        assertThat(status).isIn(403, 404);
    }

    @Test
    void infoShouldShowTheVersionAndTheCommitTheJarWasBuiltFrom() throws Exception {
        String head = git("rev-parse", "HEAD");

        http.get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.build.artifact")
                .isEqualTo(application)
                .jsonPath("$.build.version")
                .value(String.class, version -> assertThat(version).matches(SEMANTIC_VERSION))
                .jsonPath("$.git.commit.id")
                .value(
                        String.class,
                        commit -> assertThat(commit)
                                .matches("[0-9a-f]{7,40}")
                                .satisfies(id -> assertThat(head).startsWith(id)));
    }

    @Test
    void sbomShouldBeTheCycloneDxDocumentOfTheJarAndNeedTheOpsAdminScope() {
        String sbom = "/actuator/sbom/application";
        http.get().uri(sbom).exchange().expectStatus().isUnauthorized();
        http.get()
                .uri(sbom)
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + tokens.issue(tokens.operator("flags:admin") + " orders:read"))
                .exchange()
                .expectStatus()
                .isForbidden();

        http.get()
                .uri(sbom)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("application/vnd.cyclonedx+json")
                .expectBody()
                .jsonPath("$.bomFormat")
                .isEqualTo("CycloneDX")
                .jsonPath("$.metadata.component.name")
                .isEqualTo(application)
                .jsonPath("$.components[?(@.name == 'spring-boot')].version")
                .value(List.class, versions -> assertThat(versions).containsExactly(SpringBootVersion.getVersion()));
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

    @Test
    void securityShouldBeObservedPerAuthenticationNotPerFilterOrAuthorization() {
        // Any request with a valid token is authenticated; the platform's own tests have no API of a module to call.
        http.get()
                .uri("/api/no-such-resource")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(scrape())
                .contains("spring_security_authentications_seconds_count")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authorizations");
    }

    /** {@code MAJOR.MINOR.PATCH}, optionally with a pre-release such as {@code -SNAPSHOT} or {@code -rc.1}. */
    static final String SEMANTIC_VERSION = "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?";

    private static String git(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor())
                .as("git %s: %s", String.join(" ", arguments), output)
                .isZero();
        return output;
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
