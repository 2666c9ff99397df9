package com.example.service.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything the service needs to run on a developer's machine or in a test, started for it: a real PostgreSQL and a
 * local token issuer. The local run ({@code ./mvnw spring-boot:test-run}) and every integration test use this one
 * configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LocalInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres() {
        return LocalPostgres.start();
    }

    @Bean
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

    @Bean
    LocalTokens localTokens() {
        return new LocalTokens();
    }

    @Bean
    JwtDecoder localJwtDecoder(LocalTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    LocalTokenController localTokenController(LocalTokens tokens) {
        return new LocalTokenController(tokens);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain localTokenEndpoint(HttpSecurity http) throws Exception {
        return http.securityMatcher("/local/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> announceLocalInfrastructure(LocalPostgres postgres) {
        return event -> {
            String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
            String tokens =
                    port == null ? "" : ", token endpoint POST http://localhost:" + port + "/local/oauth2/token";
            log.info(
                    "Local infrastructure: PostgreSQL {} ({}, user {}){}",
                    postgres.jdbcUrl(),
                    postgres.kind(),
                    postgres.username(),
                    tokens);
        };
    }
}
