package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.orders.OrderCancelled;
import com.example.service.orders.OrderPaid;
import com.example.service.orders.OrderPlaced;
import com.example.service.platform.messaging.EventSchemas;
import com.example.service.platform.messaging.IntegrationEvent;
import com.example.service.platform.privacy.PersonalData;
import com.example.service.shipping.ShipmentBooked;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event that leaves the service keeps the house rules: a past-tense record implementing
 * {@link IntegrationEvent}, on a topic {@code <owning module>.<event-name>.v<major>}, described by a committed schema
 * that a sample of it satisfies, and free of personal data. Every committed published schema has its event.
 */
class EventConventionTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ServiceApplication.class);

    static final List<Class<?>> EXTERNALIZED = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackagesOf(ServiceApplication.class)
                    .stream()
                    .filter(type -> type.isAnnotatedWith(Externalized.class))
                    .map(JavaClass::reflect)
                    .toList();

    /** One sample per published event, as its producer would build it: a new event needs one here. */
    static final Map<Class<?>, IntegrationEvent> SAMPLES = samples();

    static Map<Class<?>, IntegrationEvent> samples() {
        Map<Class<?>, IntegrationEvent> samples = new LinkedHashMap<>();
        samples.put(
                OrderPlaced.class,
                new OrderPlaced(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "customer-1",
                        List.of(new OrderPlaced.Line("SKU-1", 2)),
                        Instant.parse("2026-11-27T10:15:30.123456Z")));
        samples.put(
                OrderPaid.class,
                new OrderPaid(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "pay-1",
                        new BigDecimal("42.50"),
                        "EUR",
                        Instant.parse("2026-11-27T10:15:30Z")));
        samples.put(
                OrderCancelled.class,
                new OrderCancelled(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        OrderCancelled.Reason.CUSTOMER_REQUEST,
                        Instant.parse("2026-11-27T10:15:30Z")));
        samples.put(
                ShipmentBooked.class,
                new ShipmentBooked(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "shp_7Hq2Lm9Xc4",
                        "CR123456789GB",
                        Instant.parse("2026-11-27T10:15:30Z")));
        // scaffold:event-samples (./scaffold event adds each new event's sample above this line)
        return samples;
    }

    final JsonMapper json = new JsonMapper();

    @Test
    void externalizedEventsShouldBeRecordsThatImplementIntegrationEvent() {
        assertThat(EXTERNALIZED).allSatisfy(type -> {
            assertThat(type.isRecord()).as("%s is a record", type.getName()).isTrue();
            assertThat(IntegrationEvent.class).as(type.getName()).isAssignableFrom(type);
        });
    }

    @Test
    void theScanShouldSeeTheApplicationsClasses() {
        assertThat(MODULES.stream())
                .as("modules of %s", ServiceApplication.class.getName())
                .isNotEmpty();
    }

    @Test
    void topicsShouldBeNamedAfterTheOwningModuleAndVersioned() {
        assertThat(EXTERNALIZED).allSatisfy(type -> {
            String module =
                    MODULES.getModuleByType(type).orElseThrow().getIdentifier().toString();
            assertThat(topicOf(type))
                    .as("topic of %s", type.getName())
                    .matches(module.replace(".", "\\.") + "\\.[a-z0-9]+(-[a-z0-9]+)*\\.v[1-9][0-9]*");
        });
    }

    @Test
    void everyPublishedEventShouldHaveASchemaThatASampleSatisfies() {
        assertThat(SAMPLES.keySet())
                .as("samples in %s", getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(EXTERNALIZED);
        SAMPLES.forEach((type, sample) -> {
            String topic = topicOf(type);
            assertThat(EventSchemas.publishedSchemaOf(topic)).exists();
            ObjectNode payload = json.valueToTree(sample);
            payload.remove("eventId");
            assertThat(EventSchemas.violationsOfPublished(topic, payload.toString()))
                    .as("%s against %s", type.getSimpleName(), EventSchemas.publishedSchemaOf(topic))
                    .isEmpty();
        });
    }

    @Test
    void everyPublishedSchemaShouldBelongToAnEvent() throws IOException {
        List<String> topics =
                EXTERNALIZED.stream().map(EventConventionTests::topicOf).toList();
        if (!Files.isDirectory(EventSchemas.PUBLISHED)) {
            return; // no published schemas, so none without its event
        }
        try (Stream<Path> schemas = Files.list(EventSchemas.PUBLISHED)) {
            assertThat(schemas.map(path -> path.getFileName().toString().replace(".schema.json", "")))
                    .as("schemas in %s without an @Externalized event", EventSchemas.PUBLISHED)
                    .allMatch(topics::contains);
        }
    }

    @Test
    void eventsShouldCarryNoPersonalData() {
        assertThat(EXTERNALIZED)
                .allSatisfy(type -> assertThat(Arrays.stream(type.getRecordComponents()))
                        .as("components of %s", type.getName())
                        .noneMatch(EventConventionTests::personal));
    }

    private static boolean personal(RecordComponent component) {
        return component.isAnnotationPresent(PersonalData.class)
                || component.getAccessor().isAnnotationPresent(PersonalData.class)
                || Arrays.stream(component.getType().getDeclaredFields())
                        .anyMatch(field -> field.isAnnotationPresent(PersonalData.class))
                || (component.getType().isRecord()
                        && Arrays.stream(component.getType().getRecordComponents())
                                .anyMatch(EventConventionTests::personal));
    }

    private static String topicOf(Class<?> type) {
        String target = type.getAnnotation(Externalized.class).value();
        int key = target.indexOf("::");
        return key < 0 ? target : target.substring(0, key);
    }
}
