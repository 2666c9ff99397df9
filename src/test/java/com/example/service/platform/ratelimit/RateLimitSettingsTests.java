package com.example.service.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What {@code service.rate-limits.*} accepts, and the clear refusal of what it does not. */
class RateLimitSettingsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitSettings.class)
    static class Settings {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void aGroupShouldBindWithItsDefaults() {
        runner.withPropertyValues(
                        "service.rate-limits.groups.search.paths=/api/orders",
                        "service.rate-limits.groups.search.limit=5")
                .run(context -> {
                    RateLimitSettings settings = context.getBean(RateLimitSettings.class);
                    assertThat(settings.enabled()).isTrue();
                    RateLimitSettings.Group group = settings.groups().get("search");
                    assertThat(group.paths()).containsExactly("/api/orders");
                    assertThat(group.methods()).isEmpty();
                    assertThat(group.limit()).isEqualTo(5);
                    assertThat(group.period()).isEqualTo(Duration.ofSeconds(1));
                });
        runner.withPropertyValues(
                        "service.rate-limits.groups.search.paths=/api/orders",
                        "service.rate-limits.groups.search.methods=GET, HEAD",
                        "service.rate-limits.groups.search.limit=5")
                .run(context -> assertThat(context.getBean(RateLimitSettings.class)
                                .groups()
                                .get("search")
                                .methods())
                        .isEqualTo(List.of(HttpMethod.GET, HttpMethod.HEAD)));
    }

    @Test
    void limitingSwitchedOffShouldAddNoInterceptor() {
        var limits = runner.withUserConfiguration(RateLimitConfiguration.class)
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(
                        "service.rate-limits.groups.search.paths=/api/orders",
                        "service.rate-limits.groups.search.limit=5");
        limits.run(context -> assertThat(interceptors(context.getBean(WebMvcConfigurer.class)))
                .hasExactlyElementsOfTypes(RateLimiting.class));
        limits.withPropertyValues("service.rate-limits.enabled=false")
                .run(context -> assertThat(interceptors(context.getBean(WebMvcConfigurer.class)))
                        .isEmpty());
    }

    private static List<Object> interceptors(WebMvcConfigurer configurer) {
        var registry = new InterceptorRegistry() {
            List<Object> added() {
                return getInterceptors();
            }
        };
        configurer.addInterceptors(registry);
        return registry.added();
    }

    @Test
    void aGroupWithoutALimitShouldStopTheStart() {
        runner.withPropertyValues("service.rate-limits.groups.search.paths=/api/orders")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("groups[search].limit"));
    }

    @Test
    void aGroupWithoutPathsShouldStopTheStart() {
        runner.withPropertyValues("service.rate-limits.groups.search.limit=5")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("groups[search].paths"));
    }

    @Test
    void aPeriodThatIsNotPositiveShouldStopTheStart() {
        runner.withPropertyValues(
                        "service.rate-limits.groups.search.paths=/api/orders",
                        "service.rate-limits.groups.search.limit=5",
                        "service.rate-limits.groups.search.period=0s")
                .run(context ->
                        assertThat(context).getFailure().rootCause().hasMessageContaining("period must be positive"));
    }
}
