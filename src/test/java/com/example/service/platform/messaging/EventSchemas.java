package com.example.service.platform.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed event schemas under {@code contracts/events}, for tests that check what goes over the wire. */
public final class EventSchemas {

    public static final Path PUBLISHED = Path.of("contracts/events/published");
    public static final Path CONSUMED = Path.of("contracts/events/consumed");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {}

    public static Path publishedSchemaOf(String topic) {
        return PUBLISHED.resolve(topic + ".schema.json");
    }

    /** The violations of {@code json} against the published schema of {@code topic}; empty when it conforms. */
    public static List<String> violationsOfPublished(String topic, String json) {
        try {
            return REGISTRY
                    .getSchema(Files.readString(publishedSchemaOf(topic)))
                    .validate(json, com.networknt.schema.InputFormat.JSON)
                    .stream()
                    .map(Error::toString)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
