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
 * Which authentication events the service publishes, heard as an audit listener would hear them: a failed
 * authentication, never a successful one (one per request, with nothing to listen).
 */
@IntegrationTest
class SecurityEventsIntegrationTests {

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
}
