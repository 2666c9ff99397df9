package com.example.service;

import com.example.service.local.LocalInfrastructure;
import com.example.service.platform.PlatformTestFeatures;
import com.example.service.platform.TestApi;
import com.example.service.platform.messaging.TestInbox;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a real PostgreSQL and a real Kafka broker, over real HTTP. Every test class that uses it shares one application
 * context, so keep test data apart (a fresh customer id per test) rather than cleaning tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.kafka=warn",
            "logging.level.state.change.logger=warn",
            "management.tracing.sampling.probability=1.0",
            "service.rate-limits.groups.platform-tests.paths=" + TestApi.LIMITED,
            "service.rate-limits.groups.platform-tests.limit=3",
            "service.rate-limits.groups.platform-tests.period=1h"
        })
@Import({LocalInfrastructure.class, PlatformTestFeatures.class, TestInbox.class, TestApi.class})
@AutoConfigureRestTestClient
@AutoConfigureMetrics
@AutoConfigureTracing
public @interface IntegrationTest {}
