package com.example.service.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every failure is an RFC 9457 problem with a stable type and the trace id, caller mistakes are 4xx and internal
 * failures a 500 that shows nothing of the cause; driven through the tests' own endpoints ({@link TestApi}).
 */
@IntegrationTest
class ProblemDetailsIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Test
    void aGateWhoseFlagIsOffShouldAnswerNotFound() {
        get("/gated", TestApi.SCOPE)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.traceId")
                .isNotEmpty();
    }

    @Test
    void aMissingScopeShouldBeForbidden() {
        get("/conflict", "ops:admin")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anInvalidBodyShouldBeABadRequestNamingTheFields() {
        http.post()
                .uri("/api/platform-tests/greetings")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestApi.SCOPE))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"\", \"country\": \"XX\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .value(String.class, type -> assertThat(type).endsWith("validation-failed"))
                .jsonPath("$.traceId")
                .isNotEmpty();
    }

    @Test
    void anUnreadableBodyShouldBeABadRequest() {
        http.post()
                .uri("/api/platform-tests/greetings")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestApi.SCOPE))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{not json")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aWrongTypeOrOutOfRangeParameterShouldBeABadRequest() {
        get("/numbers/abc", TestApi.SCOPE).expectStatus().isBadRequest();
        get("/numbers/2?times=11", TestApi.SCOPE).expectStatus().isBadRequest();
        get("/numbers/2?times=3", TestApi.SCOPE)
                .expectStatus()
                .isOk()
                .expectBody(Integer.class)
                .isEqualTo(6);
    }

    @Test
    void aConcurrentChangeShouldBeAConflict() {
        get("/conflict", TestApi.SCOPE)
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anInternalFailureShouldBeA500ThatShowsNothingOfItsCause() {
        get("/failure", TestApi.SCOPE)
                .expectStatus()
                .is5xxServerError()
                .expectBody(String.class)
                .value(body ->
                        assertThat(body).doesNotContain("internal detail").contains("traceId"));
    }

    private RestTestClient.ResponseSpec get(String path, String scope) {
        return http.get()
                .uri("/api/platform-tests" + path)
                .header(HttpHeaders.AUTHORIZATION, bearer(scope))
                .exchange();
    }

    private String bearer(String scope) {
        return "Bearer " + tokens.issue(scope);
    }
}
