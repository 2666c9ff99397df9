package com.example.service.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.sbom.SbomEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One filter chain for the whole service: bearer JWTs (signature, expiry, issuer and audience checked: see
 * {@link TokenRequirements}), an allow-list of public paths, and everything else closed.
 * Each API handler states its own scope with {@code @PreAuthorize}; {@code EndpointConventionTests} enforces that
 * none is missing. Public so that web slice tests can import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Operator scope that may read and switch feature flags: {@code <spring.application.name>.flags:admin}. */
    static final String FLAGS_ADMIN = "flags:admin";

    /**
     * Operator scope that may inspect and resubmit the outbox, replay dead letters and read the SBOM:
     * {@code <spring.application.name>.ops:admin}.
     */
    static final String OPS_ADMIN = "ops:admin";

    /** No browser feature is used by any page the service serves (Swagger UI, the Togglz console). */
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /**
     * For the few HTML pages (Swagger UI and the Togglz console in the local run): their own scripts and styles only,
     * never framed. JSON answers carry it too, harmlessly.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * The authority that one of this service's operator scopes grants. Operator scopes carry the service's name, so a
     * token minted for a sibling service made from the same template does not open this one's operator endpoints.
     */
    static String operatorAuthority(Environment environment, String scope) {
        return "SCOPE_" + environment.getRequiredProperty("spring.application.name") + "." + scope;
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
            Environment environment)
            throws Exception {
        var problems = new ProblemSecurityHandlers(resolver);
        String flagsAdmin = operatorAuthority(environment, FLAGS_ADMIN);
        String opsAdmin = operatorAuthority(environment, OPS_ADMIN);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(
                                HealthEndpoint.class, InfoEndpoint.class, PrometheusScrapeEndpoint.class))
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("togglz"))
                        .hasAuthority(flagsAdmin)
                        .requestMatchers(EndpointRequest.to(SbomEndpoint.class))
                        .hasAuthority(opsAdmin)
                        .requestMatchers(EndpointRequest.to("outbox", "deadletters"))
                        .hasAuthority(opsAdmin)
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .denyAll()
                        .requestMatchers("/togglz-console/**")
                        .hasAuthority(flagsAdmin)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(server -> server.jwt(withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens, no cookies: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Handlers may take the {@link Caller}: who calls, and whether they see every owner's resources. */
    @Bean
    WebMvcConfigurer callerArguments(BeanFactory beans) {
        var callers = new CallerArguments(AutoConfigurationPackages.get(beans));
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(callers);
            }
        };
    }

    /**
     * Spring Security's firewall, with its defaults (no encoded slashes, traversal, semicolons, backslashes or unknown
     * methods in the request line), also refuses control characters in parameter names and values: PostgreSQL cannot
     * store a NUL, and no caller needs one. A refusal is a 400 problem ({@code request-rejected}).
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterNames(SecurityConfiguration::printable);
        firewall.setAllowedParameterValues(SecurityConfiguration::printable);
        return firewall;
    }

    /** The firewall's refusals go to the error page, which answers them as problem details. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    /** No control character except tab, line feed and carriage return. */
    static boolean printable(String value) {
        return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    /**
     * Spring Security observes each filter of the chain, each authentication and each authorization. A span and a timer
     * per filter and per authorization on every request repeat what the request's own observation
     * ({@code http.server.requests}, with its status) records, at a price the benchmark shows (docs/performance.md):
     * they are off. Authentications stay observed ({@code spring.security.authentications}, with failures tagged).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    /**
     * Spring Security publishes an application event for every authentication: with bearer tokens, one success per
     * request, each through the event multicaster, with nothing listening. Failures are still published (an audit
     * listener or Actuator's {@code auditevents} picks them up); successes are counted by the authentication
     * observation above.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        var failures = new DefaultAuthenticationEventPublisher(events);
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {}

            @Override
            public void publishAuthenticationFailure(AuthenticationException failure, Authentication authentication) {
                failures.publishAuthenticationFailure(failure, authentication);
            }
        };
    }
}
