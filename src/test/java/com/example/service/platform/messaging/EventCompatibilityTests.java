package com.example.service.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events' backward-compatibility gate. {@code contracts/events/release/} holds the published schemas of the last
 * release; the schemas in {@code contracts/events/published/} (which {@code EventConventionTests} holds the code to)
 * may only grow from them. A removed event, a removed or retyped field, a new required field or a removed enum value
 * breaks consumers, and fails unless a migration note in {@code docs/migrations/events-*.md} names the topic. The
 * schemas are read with the JSON Schema vocabulary; the rule is this test's own, as no library states one.
 */
class EventCompatibilityTests {

    static final Path RELEASED = Path.of("contracts/events/release");
    static final Path MIGRATIONS = Path.of("docs/migrations");
    static final JsonMapper JSON = new JsonMapper();

    @Test
    void publishedEventsShouldKeepTheirConsumersWorking() throws IOException {
        List<String> breaks = new ArrayList<>();
        if (!Files.isDirectory(RELEASED)) {
            return; // nothing released yet, so nothing to break
        }
        try (Stream<Path> released = Files.list(RELEASED)) {
            for (Path schema : released.filter(file -> file.toString().endsWith(".schema.json"))
                    .toList()) {
                String topic = schema.getFileName().toString().replace(".schema.json", "");
                Path current = EventSchemas.publishedSchemaOf(topic);
                if (!Files.exists(current)) {
                    breaks.add(topic + ": the event is no longer published");
                    continue;
                }
                compare(JSON.readTree(schema.toFile()), JSON.readTree(current.toFile()), topic, "", breaks);
            }
        }
        String notes = migrationNotes();

        assertThat(breaks)
                .as(
                        "Breaking changes to published events since the last release (%s) that no migration note names"
                                + " in %s/events-<topic>.md (with From:, To: and the steps consumers take). Prefer an"
                                + " optional field, or a new topic <module>.<event>.v2 beside the old one.",
                        RELEASED, MIGRATIONS)
                .allMatch(change -> notes.contains(change.substring(0, change.indexOf(':'))));
    }

    @Test
    void theRuleShouldCatchWhatBreaksConsumersAndLetAdditionsThrough() {
        JsonNode released = JSON.readTree("""
                {"type":"object","required":["orderId"],"properties":{
                  "orderId":{"type":"string"},"total":{"type":"number"},
                  "reason":{"type":"string","enum":["A","B"]},
                  "lines":{"type":"array","items":{"type":"object","properties":{"sku":{"type":"string"}}}}}}
                """);
        JsonNode changed = JSON.readTree("""
                {"type":"object","required":["orderId","customerId"],"properties":{
                  "orderId":{"type":"integer"},"customerId":{"type":"string"},"note":{"type":"string"},
                  "reason":{"type":"string","enum":["A","C"]},
                  "lines":{"type":"array","items":{"type":"object","properties":{}}}}}
                """);
        List<String> breaks = new ArrayList<>();

        compare(released, changed, "t.v1", "", breaks);

        assertThat(breaks)
                .containsExactlyInAnyOrder(
                        "t.v1: field orderId changed type from string to integer",
                        "t.v1: field total removed",
                        "t.v1: field customerId is newly required",
                        "t.v1: field reason lost enum value \"B\"",
                        "t.v1: field lines[].sku removed");
    }

    static void compare(JsonNode released, JsonNode current, String topic, String pointer, List<String> breaks) {
        String where = pointer.isEmpty() ? "the payload" : "field " + pointer;
        String type = released.path("type").asString("");
        if (!type.isEmpty() && !type.equals(current.path("type").asString(""))) {
            breaks.add("%s: %s changed type from %s to %s"
                    .formatted(topic, where, type, current.path("type").asString("nothing")));
            return;
        }
        Set<String> required = new HashSet<>();
        released.path("required").forEach(name -> required.add(name.asString()));
        for (JsonNode name : current.path("required")) {
            if (!required.contains(name.asString())) {
                breaks.add("%s: field %s is newly required".formatted(topic, join(pointer, name.asString())));
            }
        }
        for (JsonNode value : released.path("enum")) {
            if (!contains(current.path("enum"), value)) {
                breaks.add("%s: %s lost enum value %s".formatted(topic, where, value));
            }
        }
        if (released.has("items")) {
            compare(released.path("items"), current.path("items"), topic, pointer + "[]", breaks);
        }
        for (var property : released.path("properties").properties()) {
            JsonNode now = current.path("properties").path(property.getKey());
            if (now.isMissingNode()) {
                breaks.add("%s: field %s removed".formatted(topic, join(pointer, property.getKey())));
            } else {
                compare(property.getValue(), now, topic, join(pointer, property.getKey()), breaks);
            }
        }
    }

    private static String join(String pointer, String name) {
        return pointer.isEmpty() ? name : pointer + "." + name;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String migrationNotes() throws IOException {
        if (!Files.isDirectory(MIGRATIONS)) {
            return "";
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.getFileName().toString().matches("events-.+\\.md"))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(note -> note.contains("From:") && note.contains("To:"))
                    .collect(Collectors.joining("\n"));
        }
    }
}
