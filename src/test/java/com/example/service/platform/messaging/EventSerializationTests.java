package com.example.service.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

class EventSerializationTests {

    record ParcelWeighed(UUID eventId, String parcelId, int grams, Instant weighedAt) {}

    @Test
    void eventShouldBeReadBackAsItWasStored() {
        var mappers =
                new StaticListableBeanFactory(Map.of("jsonMapper", new JsonMapper())).getBeanProvider(JsonMapper.class);
        var serializer = new EventSerialization().eventSerializer(mappers);
        var event =
                new ParcelWeighed(UUID.randomUUID(), "parcel-7", 1200, Instant.parse("2026-12-04T10:15:30.123456Z"));

        Object stored = serializer.serialize(event);

        assertThat(stored).isInstanceOf(String.class).asString().contains("\"parcelId\":\"parcel-7\"");
        assertThat(serializer.deserialize(stored, ParcelWeighed.class)).isEqualTo(event);
    }

    @Test
    void mapperShouldBeLookedUpOnceForAllEvents() {
        var lookups = new AtomicInteger();
        ObjectProvider<JsonMapper> mappers = new ObjectProvider<>() {
            @Override
            public JsonMapper getObject() {
                lookups.incrementAndGet();
                return new JsonMapper();
            }
        };
        var serializer = new EventSerialization().eventSerializer(mappers);

        for (int i = 0; i < 3; i++) {
            serializer.serialize(new ParcelWeighed(UUID.randomUUID(), "parcel-" + i, i, Instant.now()));
        }

        assertThat(lookups).hasValue(1);
    }
}
