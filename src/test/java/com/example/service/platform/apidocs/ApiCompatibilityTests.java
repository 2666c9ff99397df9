package com.example.service.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's backward-compatibility gate. {@code contracts/http/published/openapi.json} is the API as committed:
 * the running code must produce exactly it, so every API change shows in the pull request. {@code openapi.release.json}
 * is the API of the last release: a change that breaks its callers (a removed path or field, a new required input, a
 * changed type) fails unless a migration note in {@code docs/migrations/api-*.md} names it.
 */
@IntegrationTest
class ApiCompatibilityTests {

    static final Path COMMITTED = Path.of("contracts/http/published/openapi.json");
    static final Path RELEASED = Path.of("contracts/http/published/openapi.release.json");
    static final Path MIGRATIONS = Path.of("docs/migrations");
    static final String UPDATE = "./mvnw test -Dtest=ApiCompatibilityTests -Dcontracts.update=true";

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    RestTestClient http;

    @Test
    void theCodeShouldProduceTheCommittedApi() throws IOException {
        JsonNode current = JSON.readTree(currentApi());
        if (Boolean.getBoolean("contracts.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, JSON.writeValueAsString(current) + "\n");
        }
        if (!Files.exists(COMMITTED)) {
            // No API committed yet: the code must publish none until one is (run the update command to commit it).
            assertThat(current.path("paths").properties())
                    .as("The code publishes an API, but %s does not exist: run `%s` and commit it", COMMITTED, UPDATE)
                    .isEmpty();
            return;
        }

        String committed = Files.readString(COMMITTED);
        String produced = JSON.writeValueAsString(current);
        // The description (openapi-diff's report, seconds to compute) is made only when the assertion fails.
        assertThat(JSON.readTree(committed))
                .as(() -> ("The API the code produces differs from %s. If the change is intended, run `%s` and commit"
                                + " the file (a contract change: see AGENTS.md, \"Stop and ask a human\"). Changes:%n%s")
                        .formatted(COMMITTED, UPDATE, report(OpenApiCompare.fromContents(committed, produced))))
                .isEqualTo(current);
    }

    @Test
    void changesSinceTheLastReleaseShouldKeepCallersWorking() throws IOException {
        if (!Files.exists(RELEASED)) {
            return; // nothing released yet, so no caller to break
        }
        String released = Files.readString(RELEASED);
        String current = currentApi();
        ChangedOpenApi diff = OpenApiCompare.fromContents(released, current);
        List<String> breaks = new ArrayList<>(removedFromResponses(JSON.readTree(released), JSON.readTree(current)));
        diff.getMissingEndpoints().forEach(endpoint -> breaks.add(endpoint.getMethod() + " " + endpoint.getPathUrl()));
        diff.getChangedOperations().stream()
                .filter(operation -> operation.isIncompatible())
                .forEach(operation -> breaks.add(operation.getHttpMethod() + " " + operation.getPathUrl()));
        String notes = migrationNotes();

        if (breaks.isEmpty() && !diff.isIncompatible()) {
            return;
        }
        assertThat(breaks)
                .as(
                        "Breaking changes to the API since the last release (%s) that no migration note names in"
                                + " %s/api-<from>-to-<to>.md (with From:, To:, each operation as \"METHOD /path\", and"
                                + " the steps callers take). Prefer an addition, or a new version beside the old one"
                                + " (/api/v2/...). What breaks:%n%s",
                        RELEASED, MIGRATIONS, report(diff))
                .allMatch(change -> notes.contains(change.substring(0, nthSpace(change, 2))));
    }

    /**
     * What openapi-diff leaves to the reader (it flags only required response fields): a response field or an enum
     * value of a response that the last release had and the code no longer produces. Answers "METHOD path: what".
     */
    static List<String> removedFromResponses(JsonNode released, JsonNode current) {
        List<String> removed = new ArrayList<>();
        for (var path : released.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode now = current.path("paths").path(path.getKey()).path(operation.getKey());
                for (var response : operation.getValue().path("responses").properties()) {
                    for (var media : response.getValue().path("content").properties()) {
                        compare(
                                released,
                                media.getValue().path("schema"),
                                current,
                                now.path("responses")
                                        .path(response.getKey())
                                        .path("content")
                                        .path(media.getKey())
                                        .path("schema"),
                                name + " " + response.getKey(),
                                "",
                                removed,
                                new java.util.HashSet<>());
                    }
                }
            }
        }
        return removed.stream().distinct().toList();
    }

    private static void compare(
            JsonNode oldApi,
            JsonNode oldSchema,
            JsonNode newApi,
            JsonNode newSchema,
            String operation,
            String pointer,
            List<String> removed,
            java.util.Set<String> seen) {
        oldSchema = resolve(oldApi, oldSchema);
        newSchema = resolve(newApi, newSchema);
        if (oldSchema.isMissingNode() || newSchema.isMissingNode() || !seen.add(operation + pointer)) {
            return; // a removed operation or response is openapi-diff's to report
        }
        for (JsonNode value : oldSchema.path("enum")) {
            if (!contains(newSchema.path("enum"), value)) {
                removed.add(operation + ": " + pointer + " enum value " + value.asString() + " removed");
            }
        }
        if (oldSchema.has("items")) {
            compare(
                    oldApi,
                    oldSchema.path("items"),
                    newApi,
                    newSchema.path("items"),
                    operation,
                    pointer + "[]",
                    removed,
                    seen);
        }
        for (var property : oldSchema.path("properties").properties()) {
            JsonNode next = newSchema.path("properties").path(property.getKey());
            if (next.isMissingNode()) {
                removed.add(operation + ": field " + pointer + dot(pointer) + property.getKey() + " removed");
            } else {
                compare(
                        oldApi,
                        property.getValue(),
                        newApi,
                        next,
                        operation,
                        pointer + dot(pointer) + property.getKey(),
                        removed,
                        seen);
            }
        }
    }

    private static String dot(String pointer) {
        return pointer.isEmpty() ? "" : ".";
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The operation ("METHOD path") at the start of a change. */
    private static int nthSpace(String change, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = change.indexOf(' ', index + 1);
            if (index < 0) {
                return change.length();
            }
        }
        return index;
    }

    private String currentApi() {
        return http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The text of every API migration note that names its versions. */
    private static String migrationNotes() throws IOException {
        if (!Files.isDirectory(MIGRATIONS)) {
            return "";
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.getFileName().toString().matches("api-.+-to-.+\\.md"))
                    .map(ApiCompatibilityTests::read)
                    .filter(note -> note.contains("From:") && note.contains("To:"))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String report(ChangedOpenApi diff) {
        var out = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new ConsoleRender().render(diff, writer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
