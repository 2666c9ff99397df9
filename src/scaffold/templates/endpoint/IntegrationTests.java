package {{package}}.{{module}}.web;

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.IntegrationTest;
import {{package}}.{{module}}.{{Module}}Features;
import {{package}}.local.LocalTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/** {{method}} {{path}} end to end: real HTTP, real tokens, flag state in PostgreSQL, and its request meter. */
@IntegrationTest
class {{Operation}}IntegrationTests {

    static final String PATH = "{{samplePath}}";

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    FeatureManager features;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, false));
    }

    @Test
    void {{operation}}ShouldBeHiddenWhileTheFlagIsOff() {
        call("{{scope}}").expectStatus().isNotFound();
    }

    @Test
    void {{operation}}ShouldRefuseCallersWithoutTheScope() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, true));

        call("other:scope").expectStatus().isForbidden();
        http.method(HttpMethod.{{method}}).uri(PATH).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void {{operation}}ShouldAnswerAndBeMeteredWhenTheFlagIsOn() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, true));

        call("{{scope}}")
                .expectStatus()
                .isOk()
                .expectBody()
                {{responseJsonPaths}}
                .jsonPath("$.outcome")
                .isEqualTo("ACCEPTED");

        Timer requests = meters.find("http.server.requests")
                .tags("method", "{{method}}", "uri", "{{path}}", "status", "200")
                .timer();
        assertThat(requests).isNotNull();
        assertThat(requests.count()).isPositive();
    }

    private RestTestClient.ResponseSpec call(String scope) {
        return http.method(HttpMethod.{{method}})
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(scope))
{{#body}}
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reference\": \"R-1\"}")
{{/body}}
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }
}
