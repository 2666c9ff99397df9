package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The settings of the production profile ({@code SPRING_PROFILES_ACTIVE=production}), as Spring Boot resolves them
 * from the jar's own files: no pages for people browsing, the API document kept for callers.
 */
class ProductionProfileTests {

    @Test
    void productionShouldServeNeitherSwaggerUiNorTheTogglzConsole() {
        var production = environment("production");
        assertThat(production.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true))
                .isFalse();
        assertThat(production.getProperty("togglz.console.enabled", Boolean.class, true))
                .isFalse();
        assertThat(production.getProperty("springdoc.api-docs.enabled", Boolean.class, true))
                .isTrue();
    }

    @Test
    void withoutTheProfileTheLocalPagesStayOn() {
        var standard = environment();
        assertThat(standard.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true))
                .isTrue();
        assertThat(standard.getProperty("togglz.console.enabled", Boolean.class, false))
                .isTrue();
    }

    private static StandardEnvironment environment(String... profiles) {
        var environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), profiles);
        return environment;
    }
}
