package com.example.service.orders.web;

import com.example.service.IntegrationTest;
import com.example.service.orders.OrdersFeatures;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.web.context.WebApplicationContext;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/**
 * The base of the tests Spring Cloud Contract generates from {@code contracts/provider/api/}: the whole
 * service (its whole filter chain, through MockMvc) on real PostgreSQL, with the orders the contracts name, the
 * cancellation flag on, and the contracts' fixed tokens accepted.
 */
@IntegrationTest
@Import(OrdersContractBase.ContractTokens.class)
public abstract class OrdersContractBase {

    static final UUID KNOWN_ORDER = UUID.fromString("0d5e5c2e-1c1a-4f7e-9a57-7c2f0e0c0a01");
    static final UUID ORDER_TO_CANCEL = UUID.fromString("7c9a1b2e-3d4f-4a5b-8c6d-9e0f1a2b3c4d");
    static final UUID CANCELLED_ORDER = UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeatureManager features;

    @BeforeEach
    void setUp() {
        RestAssuredMockMvc.webAppContextSetup(context, SecurityMockMvcConfigurers.springSecurity());
        placed(KNOWN_ORDER);
        jdbc.sql("delete from orders where id = ?").param(ORDER_TO_CANCEL).update();
        placed(ORDER_TO_CANCEL);
        placed(CANCELLED_ORDER);
        jdbc.sql("update orders set status = 'CANCELLED', cancelled_at = now() where id = ?")
                .param(CANCELLED_ORDER)
                .update();
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, true));
    }

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState(OrdersFeatures.ORDERS_CANCELLATION, false));
    }

    private void placed(UUID id) {
        jdbc.sql("""
                        insert into orders (id, customer_id, status, placed_at, version)
                        values (:id, 'contract-customer', 'PLACED', :now, 0)
                        on conflict (id) do nothing
                        """)
                .param("id", id)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** The tokens the contracts carry: a service calling for every customer, with the scope its name says. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ContractTokens {

        static final Map<String, String> SCOPES = Map.of(
                "contract-orders-read", "orders:read orders:all",
                "contract-orders-write", "orders:write orders:all");

        @Bean
        @Primary
        JwtDecoder contractTokens() {
            return token -> {
                String scope = SCOPES.get(token);
                if (scope == null) {
                    throw new JwtException("Not a contract token");
                }
                return Jwt.withTokenValue(token)
                        .header("alg", "none")
                        .subject("contract-client")
                        .claim("scope", scope)
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(60))
                        .build();
            };
        }
    }
}
