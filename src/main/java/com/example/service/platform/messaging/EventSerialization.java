package com.example.service.platform.messaging;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Modulith's registry writes each event publication to {@code event_publication} and reads it back to resubmit
 * it: as JSON, with Boot's mapper, as Modulith's own serializer does. Modulith's looks the mapper up in the bean factory
 * for every event it stores (about 3 % of the request CPU of placing an order); this one looks it up once, when the
 * first event is stored, because the registry is created before Boot's Jackson configuration can be.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    @Bean
    EventSerializer eventSerializer(ObjectProvider<JsonMapper> mappers) {
        return new JsonEventSerializer(SingletonSupplier.of(mappers::getObject));
    }

    record JsonEventSerializer(Supplier<JsonMapper> mapper) implements EventSerializer {

        @Override
        public Object serialize(Object event) {
            return mapper.get().writeValueAsString(event);
        }

        @Override
        public <T> T deserialize(Object serialized, Class<T> type) {
            return mapper.get().readerFor(type).readValue(serialized.toString());
        }
    }
}
