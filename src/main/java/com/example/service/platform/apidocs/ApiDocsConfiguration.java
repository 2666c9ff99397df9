package com.example.service.platform.apidocs;

import com.example.service.platform.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document: bearer-JWT security on every operation and the problem responses every operation can give,
 * described once here instead of on each handler. Handlers declare only their own failures (404, 409, 422...).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BEARER = "bearer-jwt";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        // A handler's Caller comes from its token, not from the request's parameters (springdoc's own switch).
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title(name)
                        .version("v1")
                        .description("Problem types are described in docs/problems.md."))
                // Relative, so that the document is the same wherever it is generated (it is a committed contract).
                .addServersItem(new Server().url("/").description("This service"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "An OAuth2 access token; each operation names the scope it needs."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(ApiDocsConfiguration::describeProblems));
    }

    private static void describeProblems(Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.putIfAbsent("400", new ApiResponse().description("The request is malformed or invalid."));
        responses.putIfAbsent("401", new ApiResponse().description("No valid bearer token."));
        responses.putIfAbsent("403", new ApiResponse().description("The token lacks the required scope."));
        responses.putIfAbsent("500", new ApiResponse().description("The service failed; quote the trace id."));
        responses.forEach((code, response) -> {
            if (!code.startsWith("2") && response.get$ref() == null) {
                response.setContent(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> violation =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", new StringSchema().format("uri").description("Stable identifier of the failure"),
                        "title", new StringSchema(),
                        "status", new IntegerSchema().format("int32"),
                        "detail", new StringSchema(),
                        "instance", new StringSchema().format("uri-reference"),
                        "traceId", new StringSchema().description("Trace id of the request"),
                        "errors", new ArraySchema().items(violation).description("Invalid values, on 400")))
                .required(List.of("type", "title", "status"));
    }
}
