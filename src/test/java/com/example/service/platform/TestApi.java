package com.example.service.platform;

import com.example.service.platform.flags.Ungated;
import com.example.service.platform.security.NotOwned;
import com.example.service.platform.validation.CountryCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.togglz.spring.web.FeaturesAreActive;

/**
 * Endpoints of the tests' own, so that the platform's web side (problem details, feature gates, scopes, validation)
 * is tested whichever modules the service has. Hidden from the API description, which publishes only the modules' API.
 * As a member class the controller is registered with this configuration and only with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestApi {

    public static final String SCOPE = "tests:read";

    /** The endpoint that fails on purpose, so that the answer to the service's own failure can be tested. */
    public static final String FAILURE = "/api/platform-tests/failure";

    /** The endpoint of the tests' own rate-limit group, {@code platform-tests}: a few requests per hour per caller. */
    public static final String LIMITED = "/api/platform-tests/limited";

    record Greeting(@NotBlank String name, @CountryCode String country) {}

    @Hidden
    @RestController
    @RequestMapping("/api/platform-tests")
    @PreAuthorize("hasAuthority('SCOPE_" + SCOPE + "')")
    @Ungated(reason = "Test-only endpoints that exercise the platform's web handling")
    static class Endpoints {

        private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

        @GetMapping("/gated")
        @FeaturesAreActive(features = "PLATFORM_TEST_FLAG")
        String gated() {
            log.info("Gated test endpoint answered");
            return "open";
        }

        @PostMapping("/greetings")
        String greet(@Valid @RequestBody Greeting greeting) {
            return "hello " + greeting.name();
        }

        @GetMapping("/numbers/{number}")
        @NotOwned(reason = "A number to multiply, not a resource: nothing here belongs to anyone")
        int number(@PathVariable int number, @RequestParam(defaultValue = "1") @Max(10) int times) {
            return number * times;
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new OptimisticLockingFailureException("Changed by someone else");
        }

        @GetMapping("/limited")
        String limited() {
            return "within the limit";
        }

        @GetMapping("/failure")
        String failure() {
            throw new IllegalStateException("An internal detail that must not leak");
        }
    }
}
