package {{package}}.{{module}}.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import {{package}}.{{module}}.{{Module}}Features;
import {{package}}.platform.PlatformWebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/** {{method}} {{path}} in a web slice: gated by {{flag}}, scope {{scope}}, and what it answers. */
@PlatformWebTest({{Operation}}Controller.class)
class {{Operation}}ControllerTests {

    static final String PATH = "{{samplePath}}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FeatureManager features;

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, false));
    }

    @Test
    void {{operation}}WhenFlagOffShouldAnswerNotFound() {
        assertThat(call(jwt().authorities(() -> "SCOPE_{{scope}}"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void {{operation}}WithoutTokenShouldAnswerUnauthorized() {
        switchOn();

        assertThat(mvc.perform(request())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void {{operation}}WithoutScopeShouldAnswerForbidden() {
        switchOn();

        assertThat(call(jwt().authorities(() -> "SCOPE_other"))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void {{operation}}WhenFlagOnShouldAnswerWithTheOutcome() {
        switchOn();

        MvcTestResult result = call(jwt().authorities(() -> "SCOPE_{{scope}}"));

        assertThat(result).hasStatus(HttpStatus.OK);
        {{responseAssertions}}
{{#body}}
        assertThat(result).bodyJson().extractingPath("$.reference").isEqualTo("R-1");
{{/body}}
        assertThat(result).bodyJson().extractingPath("$.outcome").isEqualTo("ACCEPTED");
    }
{{#body}}

    @Test
    void {{operation}}WhenBodyInvalidShouldAnswerValidationFailed() {
        switchOn();

        MvcTestResult result = mvc.perform(request()
                .with(jwt().authorities(() -> "SCOPE_{{scope}}"))
                .content("{\"reference\": \"\"}"));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reference");
    }
{{/body}}

    private MvcTestResult call(JwtRequestPostProcessor token) {
        return mvc.perform(request().with(token));
    }

    private MockHttpServletRequestBuilder request() {
        return MockMvcRequestBuilders.request(HttpMethod.{{method}}, PATH)
{{#body}}
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\": \"R-1\"}")
{{/body}}
                .accept(MediaType.APPLICATION_JSON);
    }

    private void switchOn() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, true));
    }
}
