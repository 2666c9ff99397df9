package com.example.service.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The published API description: open to read, valid, and honest about security and failures. */
@IntegrationTest
class ApiDocsIntegrationTests {

    @Autowired
    RestTestClient http;

    SwaggerParseResult parsed;

    @BeforeEach
    void readApiDocs() {
        String json = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        parsed = new OpenAPIParser().readContents(json, null, null);
    }

    @Test
    void apiDocsShouldBeValidOpenApi() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
    }

    @Test
    void everyOperationShouldRequireABearerToken() {
        OpenAPI api = parsed.getOpenAPI();
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("bearer-jwt");

        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity())
                .anySatisfy(requirement -> assertThat(requirement).containsKey("bearer-jwt"));
    }

    @Test
    void everyOperationShouldDescribeItsFailuresAsProblems() {
        assertThat(operations()).allSatisfy(operation -> {
            assertThat(operation.getResponses()).containsKeys("400", "401", "403", "500");
            operation.getResponses().entrySet().stream()
                    .filter(response -> !response.getKey().startsWith("2"))
                    .forEach(response -> assertThat(response.getValue().getContent())
                            .as("%s %s", operation.getOperationId(), response.getKey())
                            .containsKey("application/problem+json"));
        });
    }

    @Test
    void swaggerUiShouldBeReadableWithoutAToken() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    private List<Operation> operations() {
        return parsed.getOpenAPI().getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .toList();
    }
}
