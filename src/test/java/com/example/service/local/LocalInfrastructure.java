package com.example.service.local;

import com.example.service.platform.flags.Ungated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the service needs to run on a developer's machine or in a test, started for it: a real PostgreSQL, a real
 * Kafka broker and a local token issuer. The local run ({@code ./mvnw spring-boot:test-run}) and every integration
 * test use this one configuration. {@code local.postgres.enabled=false} or {@code local.kafka.enabled=false} leaves
 * that part to the usual {@code spring.datasource.*} or {@code spring.kafka.*} settings (tests that stop and restart a
 * part do so).
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    /**
     * Starts PostgreSQL and Kafka side by side as soon as the context is being built (a bean factory post-processor is
     * made first), while the rest of the context is prepared; each server's bean waits for it. Owns them: closes them
     * when the context closes, or fails to start.
     */
    @Bean
    static LocalServers localServers() {
        return new LocalServers();
    }

    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = "local.postgres.enabled", matchIfMissing = true)
    LocalPostgres localPostgres(LocalServers servers) {
        return servers.postgres();
    }

    @Bean
    @ConditionalOnProperty(name = "local.postgres.enabled", matchIfMissing = true)
    JdbcConnectionDetails localPostgresConnectionDetails(LocalPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres.username();
            }

            @Override
            public String getPassword() {
                return postgres.password();
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }

    @Bean(destroyMethod = "")
    @ConditionalOnProperty(name = "local.kafka.enabled", matchIfMissing = true)
    LocalKafka localKafka(LocalServers servers) {
        return servers.kafka();
    }

    @Bean
    @ConditionalOnProperty(name = "local.kafka.enabled", matchIfMissing = true)
    KafkaConnectionDetails localKafkaConnectionDetails(LocalKafka kafka) {
        return () -> List.of(kafka.bootstrapServers());
    }

    /**
     * Other teams' APIs, from their contracts ({@code contracts/http/consumed/<api>/} with a {@code stub.properties}),
     * each behind the base-url property its folder names unless a test names another (the property source comes
     * last, so every other setting wins). Static: it must be in place before the clients' settings are bound.
     */
    @Bean
    @ConditionalOnProperty(name = "local.apis.enabled", matchIfMissing = true)
    static LocalApis localApis() {
        return new LocalApis();
    }

    /** Tokens as the identity provider the settings name would mint them for this service (config/application.yaml). */
    @Bean
    LocalTokens localTokens(OAuth2ResourceServerProperties resourceServer, Environment environment) {
        var jwt = resourceServer.getJwt();
        return new LocalTokens(
                jwt.getIssuerUri(),
                jwt.getAudiences().get(0),
                environment.getRequiredProperty("spring.application.name"));
    }

    @Bean
    JwtDecoder localJwtDecoder(LocalTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain localTokenEndpointSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/local/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> announceLocalInfrastructure(
            ObjectProvider<LocalPostgres> postgres, ObjectProvider<LocalKafka> kafka, ObjectProvider<LocalApis> apis) {
        return event -> {
            String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
            List<String> parts = new ArrayList<>();
            postgres.ifAvailable(server -> parts.add(
                    "PostgreSQL %s (%s, user %s)".formatted(server.jdbcUrl(), server.kind(), server.username())));
            kafka.ifAvailable(broker -> parts.add("Kafka %s (%s)".formatted(broker.bootstrapServers(), broker.kind())));
            apis.ifAvailable(registrar -> registrar
                    .baseUrls()
                    .forEach((name, url) ->
                            parts.add("%s API %s (stubs from %s)".formatted(name, url, LocalApi.contracts(name)))));
            if (port != null) {
                parts.add("token endpoint POST http://localhost:" + port + "/local/oauth2/token");
            }
            String line = String.join(", ", parts);
            log.info("Local infrastructure: {}", line);
        };
    }

    /**
     * A stand-in for the identity provider in the local run: the OAuth2 client-credentials grant (RFC 6749 §4.4)
     * answered with a token the service accepts. As a member class it is registered with this configuration and only
     * with it (component scanning skips test configurations); it lives in the test sources, so it never ships.
     */
    @RestController
    static class TokenEndpoint {

        private final LocalTokens tokens;

        TokenEndpoint(LocalTokens tokens) {
            this.tokens = tokens;
        }

        @PostMapping(path = "/local/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        @PreAuthorize("permitAll()")
        @Ungated(reason = "Local run only: stands in for the identity provider")
        ResponseEntity<Map<String, Object>> token(
                @RequestParam("grant_type") String grantType,
                @RequestParam(name = "scope", defaultValue = "") String scope,
                @RequestParam(name = "client_id", required = false) @Nullable String clientId) {
            if (!"client_credentials".equals(grantType)) {
                return ResponseEntity.badRequest()
                        .body(Map.of(
                                "error", "unsupported_grant_type",
                                "error_description", "Only client_credentials is supported locally"));
            }
            String client = clientId == null ? "local-client" : clientId;
            return ResponseEntity.ok()
                    .header("Cache-Control", "no-store")
                    .body(Map.of(
                            "access_token",
                            tokens.issue(client, scope),
                            "token_type",
                            "Bearer",
                            "expires_in",
                            LocalTokens.LIFETIME.toSeconds(),
                            "scope",
                            scope));
        }
    }
}
