package com.example.service.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The local run's stand-in identity provider gives tokens the service accepts, as the README's session does. */
@IntegrationTest
class LocalTokenEndpointTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Test
    void tokenFromTheLocalEndpointShouldBeAcceptedByTheApi() {
        Map<String, Object> response = http.post()
                .uri("/local/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials&scope=" + tokens.operator("ops:admin"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(response).containsEntry("token_type", "Bearer").containsEntry("scope", tokens.operator("ops:admin"));
        http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + response.get("access_token"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void otherGrantTypesShouldBeRefusedTheOAuthWay() {
        http.post()
                .uri("/local/oauth2/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=password&username=a&password=b")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void forgedTokensShouldBeRejected() {
        String forged = tokens.withAnotherKey().issue(tokens.operator("ops:admin"));

        http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
