package com.example.service.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The service refuses to start unless tokens are checked for their issuer and audience, and says which settings. */
class TokenRequirementsTests {

    final ApplicationContextRunner contexts =
            new ApplicationContextRunner().withUserConfiguration(ResourceServerSettings.class, TokenRequirements.class);

    @Test
    void withoutIssuerAndAudienceTheServiceShouldRefuseToStartNamingBoth() {
        contexts.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example/jwks")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(TokenRequirements.ISSUER)
                        .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                        .hasMessageContaining(TokenRequirements.AUDIENCES)
                        .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
    }

    @Test
    void anIssuerWithoutAnAudienceShouldNotBeEnough() {
        contexts.withPropertyValues(TokenRequirements.ISSUER + "=https://idp.example/")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(TokenRequirements.AUDIENCES)
                        .hasMessageNotContaining(TokenRequirements.ISSUER));
    }

    @Test
    void withBothTheServiceShouldStart() {
        contexts.withPropertyValues(
                        TokenRequirements.ISSUER + "=https://idp.example/", TokenRequirements.AUDIENCES + "=orders")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TokenRequirements.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
    static class ResourceServerSettings {}
}
