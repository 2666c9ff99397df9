package com.example.service.platform;

import com.example.service.platform.observability.CurrentTrace;
import io.micrometer.tracing.Tracer;
import java.util.Arrays;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.util.ClassUtils;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.mem.InMemoryStateRepository;
import org.togglz.core.user.NoOpUserProvider;

/** What a web slice needs from the rest of the platform, without a database. */
@TestConfiguration(proxyBeanMethods = false)
@Import(CurrentTrace.class)
class WebSliceSupport {

    /** The flags the application registers ({@code togglz.feature-enums}), with their state in memory. */
    @Bean
    @SuppressWarnings("unchecked")
    FeatureManager featureManager(Environment environment) {
        Class<? extends Feature>[] enums = Arrays.stream(
                        environment.getRequiredProperty("togglz.feature-enums", String[].class))
                .map(name -> ClassUtils.resolveClassName(name.trim(), getClass().getClassLoader()))
                .toArray(Class[]::new);
        return new FeatureManagerBuilder()
                .featureEnums(enums)
                .stateRepository(new InMemoryStateRepository())
                .userProvider(new NoOpUserProvider())
                .build();
    }

    @Bean
    Tracer tracer() {
        return Tracer.NOOP;
    }

    /** Slice tests authenticate with {@code jwt()}; a raw bearer token reaching the decoder is a test mistake. */
    @Bean
    JwtDecoder jwtDecoder() {
        return token -> {
            throw new BadJwtException("Web slice tests authenticate with jwt(), not a raw token");
        };
    }
}
