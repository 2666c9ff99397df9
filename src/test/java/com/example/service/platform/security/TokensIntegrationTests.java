package com.example.service.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.LocalTokens;
import com.example.service.platform.TestApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Which tokens open the service: signed by its identity provider's key, issued by that provider and minted for this
 * service, with the scope the endpoint asks for, operator scopes named after the service. And which authentication
 * events it publishes, heard as an audit listener would hear them: a failure, never a success (one per request, with
 * nothing to listen).
 */
@IntegrationTest
class TokensIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    ConfigurableApplicationContext context;

    final List<AbstractAuthenticationEvent> heard = new CopyOnWriteArrayList<>();
    final ApplicationListener<AbstractAuthenticationEvent> listener = heard::add;

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @Test
    void aTokenFromAnotherIssuerShouldBeRefused() {
        assertThat(status(tokens.issue("test-client", TestApi.SCOPE, claims -> claims.issuer("https://elsewhere/"))))
                .isEqualTo(401);
    }

    @Test
    void aTokenMintedForAnotherServiceShouldBeRefused() {
        assertThat(status(tokens.issue("test-client", TestApi.SCOPE, claims -> claims.audience(List.of("sibling")))))
                .isEqualTo(401);
        assertThat(status(
                        tokens.issue("test-client", TestApi.SCOPE, claims -> claims.claims(all -> all.remove("aud")))))
                .isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyShouldBeRefused() {
        assertThat(status(tokens.withAnotherKey().issue(TestApi.SCOPE))).isEqualTo(401);
    }

    @Test
    void operatorScopesShouldBeThisServicesOwn() {
        // A sibling service made from the same template names its operator scopes after itself.
        assertThat(outbox(tokens.issue("ops:admin"))).isEqualTo(403);
        assertThat(outbox(tokens.issue("sibling.ops:admin"))).isEqualTo(403);
        assertThat(outbox(tokens.issue(tokens.operator("ops:admin")))).isEqualTo(200);
    }

    @Test
    void everyAnswerShouldCarryTheSecurityHeaders() {
        for (String path :
                new String[] {"/api/platform-tests/numbers/2", "/actuator/health", "/swagger-ui/index.html"}) {
            http.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(TestApi.SCOPE))
                    .exchange()
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .valueEquals("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY)
                    .expectHeader()
                    .valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY");
        }
    }

    @Test
    void aSuccessfulAuthenticationShouldPublishNoEvent() {
        http.get()
                .uri("/api/platform-tests/numbers/2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(TestApi.SCOPE))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(heard).isEmpty();
    }

    @Test
    void aFailedAuthenticationShouldPublishItsFailure() {
        String forged = tokens.issue(TestApi.SCOPE).substring(0, 40) + "x.y";
        http.get()
                .uri("/api/platform-tests/numbers/2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(heard).singleElement().isInstanceOf(AbstractAuthenticationFailureEvent.class);
    }

    private int status(String token) {
        return status("/api/platform-tests/numbers/2", token);
    }

    private int outbox(String token) {
        return status("/actuator/outbox", token);
    }

    private int status(String path, String token) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .returnResult()
                .getStatus()
                .value();
    }
}
