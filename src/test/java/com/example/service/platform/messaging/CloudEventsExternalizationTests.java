package com.example.service.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.modulith.events.Externalized;
import tools.jackson.databind.json.JsonMapper;

class CloudEventsExternalizationTests {

    static final MessagingSettings SETTINGS = new MessagingSettings(
            "com.example",
            "/service",
            new MessagingSettings.Retry(java.time.Duration.ofMillis(500), 2, java.time.Duration.ofSeconds(10), 4),
            new MessagingSettings.Outbox(java.time.Duration.ofSeconds(10), 100));

    @Externalized("parcels.parcel-weighed.v1")
    record ParcelWeighed(UUID eventId, String parcelId, int grams, Instant weighedAt) implements IntegrationEvent {

        @Override
        public Instant occurredAt() {
            return weighedAt;
        }

        @Override
        public String subject() {
            return parcelId;
        }
    }

    record NotRouted(UUID eventId, Instant occurredAt, String subject) implements IntegrationEvent {}

    @Test
    void eventShouldBecomeACloudEventInBinaryModeKeyedBySubject() {
        UUID id = UUID.randomUUID();
        var event = new ParcelWeighed(id, "parcel-7", 1200, Instant.parse("2026-11-27T10:15:30Z"));

        var message = CloudEventsExternalization.toMessage(event, new JsonMapper(), SETTINGS);

        var headers = message.getHeaders();
        assertThat(headers.get(KafkaHeaders.TOPIC)).isEqualTo("parcels.parcel-weighed.v1");
        assertThat(headers.get(KafkaHeaders.KEY)).isEqualTo("parcel-7");
        assertThat(text(headers.get("ce_id"))).isEqualTo(id.toString());
        assertThat(text(headers.get("ce_specversion"))).isEqualTo("1.0");
        assertThat(text(headers.get("ce_type"))).isEqualTo(SETTINGS.typePrefix() + ".parcels.parcel-weighed.v1");
        assertThat(text(headers.get("ce_source"))).isEqualTo(SETTINGS.source() + "/parcels");
        assertThat(text(headers.get("ce_subject"))).isEqualTo("parcel-7");
        assertThat(text(headers.get("ce_time"))).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(text(headers.get("content-type"))).isEqualTo("application/json");
        assertThat(message.getPayload().propertyNames()).containsExactlyInAnyOrder("parcelId", "grams", "weighedAt");
    }

    @Test
    void externalizationShouldSelectExternalizedEventsOnlyAndRouteEachToItsTopic() {
        var mappers =
                new StaticListableBeanFactory(Map.of("jsonMapper", new JsonMapper())).getBeanProvider(JsonMapper.class);
        var configuration = new CloudEventsExternalization().eventExternalization(mappers, SETTINGS);
        var event = new ParcelWeighed(UUID.randomUUID(), "parcel-7", 1200, Instant.now());

        assertThat(configuration.supports(event)).isTrue();
        assertThat(configuration.supports(new NotRouted(UUID.randomUUID(), Instant.now(), "x")))
                .isFalse();
        assertThat(configuration.supports("a string")).isFalse();
        assertThat(configuration.determineTarget(event).getTarget()).isEqualTo("parcels.parcel-weighed.v1");
        assertThat(configuration.map(event))
                .isInstanceOfSatisfying(
                        Message.class,
                        message -> assertThat(message.getHeaders().get(KafkaHeaders.KEY))
                                .isEqualTo("parcel-7"));
    }

    @Test
    void anEventWithoutATopicShouldBeRefusedWithWhatToDo() {
        var event = new NotRouted(UUID.randomUUID(), Instant.now(), "x");

        assertThatIllegalStateException()
                .isThrownBy(() -> CloudEventsExternalization.toMessage(event, new JsonMapper(), SETTINGS))
                .withMessageContaining("@Externalized(\"<topic>\")");
    }

    @Test
    void topicShouldBeReadWithoutARoutingKeyAndItsOwnerFromItsFirstSegment() {
        @Externalized("orders.thing-done.v2::#{subject()}")
        record Keyed() {}

        assertThat(CloudEventsExternalization.topicOf(Keyed.class)).isEqualTo("orders.thing-done.v2");
        assertThat(CloudEventsExternalization.ownerOf("orders.thing-done.v2")).isEqualTo("orders");
    }

    private static String text(Object header) {
        return new String((byte[]) header, StandardCharsets.UTF_8);
    }
}
