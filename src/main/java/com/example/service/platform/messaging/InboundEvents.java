package com.example.service.platform.messaging;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the events the service consumes: a CloudEvent in binary mode whose {@code ce_type} is
 * {@code <type prefix>.<topic>} and whose JSON payload satisfies the topic's schema under
 * {@code contracts/events/consumed/}. Anything else is an {@link UnprocessableMessage}: retrying cannot fix it.
 */
@Component
public class InboundEvents {

    static final String CONSUMED_SCHEMAS = "contracts/events/consumed/";

    private final JsonMapper mapper;
    private final MessagingSettings settings;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemaByTopic = new ConcurrentHashMap<>();

    InboundEvents(JsonMapper mapper, MessagingSettings settings) {
        this.mapper = mapper;
        this.settings = settings;
    }

    public <T> InboundEvent<T> read(ConsumerRecord<?, byte[]> record, Class<T> type) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException notACloudEvent) {
            throw new UnprocessableMessage(
                    "Not a CloudEvent in binary mode: " + notACloudEvent.getMessage(), notACloudEvent);
        }
        if (event.getId().isBlank()) {
            throw new UnprocessableMessage("CloudEvent on " + record.topic() + " has a blank ce_id");
        }
        String expectedType = settings.typePrefix() + "." + record.topic();
        if (!expectedType.equals(event.getType())) {
            throw new UnprocessableMessage(
                    "Unexpected ce_type '" + event.getType() + "' on " + record.topic() + ", expected " + expectedType);
        }
        if (event.getData() == null) {
            throw new UnprocessableMessage("CloudEvent " + event.getId() + " has no data");
        }
        JsonNode json;
        try {
            json = mapper.readTree(event.getData().toBytes());
        } catch (JacksonException notJson) {
            throw new UnprocessableMessage("Payload of " + event.getId() + " is not JSON", notJson);
        }
        List<Error> violations = schemaFor(record.topic()).validate(json);
        if (!violations.isEmpty()) {
            throw new UnprocessableMessage("Payload of " + event.getId() + " violates " + schemaPath(record.topic())
                    + ": " + violations.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
        T data;
        try {
            data = mapper.treeToValue(json, type);
        } catch (JacksonException unbindable) {
            throw new UnprocessableMessage(
                    "Payload of " + event.getId() + " does not bind to " + type.getSimpleName(), unbindable);
        }
        return new InboundEvent<>(
                event.getId(),
                event.getType(),
                event.getSource(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                data);
    }

    private Schema schemaFor(String topic) {
        return schemaByTopic.computeIfAbsent(topic, this::load);
    }

    private Schema load(String topic) {
        var resource = new ClassPathResource(schemaPath(topic));
        if (!resource.exists()) {
            throw new IllegalStateException("No schema for consumed topic " + topic + ": add " + schemaPath(topic));
        }
        try (InputStream in = resource.getInputStream()) {
            return schemas.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String schemaPath(String topic) {
        return CONSUMED_SCHEMAS + topic + ".schema.json";
    }
}
