package com.example.service.contracts;

import com.example.service.IntegrationTest;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import org.togglz.spring.web.FeaturesAreActive;

/**
 * The base of the tests Spring Cloud Contract generates from {@code contracts/provider/api/<module>/} (the contracts
 * {@code ./scaffold endpoint} writes): the whole service through MockMvc on real PostgreSQL, with every flag that gates
 * an endpoint on, and the contracts' tokens {@code contract-<module>-<read|write>} standing for that scope.
 */
@IntegrationTest
@Import(ApiContractBase.ContractTokens.class)
public abstract class ApiContractBase {

    @Autowired
    WebApplicationContext context;

    @Autowired
    FeatureManager features;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void setUp() {
        RestAssuredMockMvc.webAppContextSetup(context, SecurityMockMvcConfigurers.springSecurity());
        switchGates(true);
    }

    @AfterEach
    void switchOff() {
        switchGates(false);
    }

    private void switchGates(boolean active) {
        List<String> gates = mappings.getHandlerMethods().values().stream()
                .flatMap(handler -> Stream.of(
                        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), FeaturesAreActive.class),
                        AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), FeaturesAreActive.class)))
                .filter(gate -> gate != null)
                .flatMap(gate -> Stream.of(gate.features()))
                .toList();
        features.getFeatures().stream()
                .filter(feature -> gates.contains(feature.name()))
                .forEach(feature -> features.setFeatureState(new FeatureState(feature, active)));
    }

    /**
     * The tokens the contracts carry: {@code contract-orders-write} is a service calling for every customer, with
     * scopes {@code orders:write} and {@code orders:all}.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ContractTokens {

        static final Pattern TOKEN = Pattern.compile("contract-([a-z0-9]+)-(read|write)");

        @Bean
        @Primary
        JwtDecoder contractTokens() {
            return token -> {
                Matcher matcher = TOKEN.matcher(token);
                if (!matcher.matches()) {
                    throw new JwtException("Not a contract token");
                }
                return Jwt.withTokenValue(token)
                        .header("alg", "none")
                        .subject("contract-client")
                        .claim("scope", matcher.group(1) + ":" + matcher.group(2) + " " + matcher.group(1) + ":all")
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60))
                        .build();
            };
        }
    }
}
