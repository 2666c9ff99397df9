package com.example.service.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.Externalized;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every {@code @Externalized} {@link IntegrationEvent} to Kafka as a CloudEvent in binary mode: the attributes
 * as {@code ce_*} headers (written by the CloudEvents SDK's Kafka binding), the record key set to the subject, the
 * payload the event's JSON without its envelope fields. Modulith's registry keeps the event until the broker has
 * acknowledged it; the Kafka template's observation adds {@code traceparent}.
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String EVENT_ID = "eventId";

    /**
     * Whether a type is {@code @Externalized}, and its topic, found once per type rather than for every event: Modulith
     * would otherwise look the annotation up three times per event sent.
     */
    private static final ClassValue<Boolean> EXTERNALIZED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return AnnotatedElementUtils.hasAnnotation(type, Externalized.class);
        }
    };

    private static final ClassValue<String> TOPICS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return topicOf(type);
        }
    };

    /**
     * Modulith creates this while the bean factory is still being post-processed (its event listener factory needs
     * it), before Boot's Jackson configuration can be: the mapper is looked up once, when the first event is mapped.
     */
    @Bean
    EventExternalizationConfiguration eventExternalization(
            ObjectProvider<JsonMapper> mappers, MessagingSettings settings) {
        Supplier<JsonMapper> mapper = SingletonSupplier.of(mappers::getObject);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> EXTERNALIZED.get(event.getClass()))
                .mapping(IntegrationEvent.class, event -> toMessage(event, mapper.get(), settings))
                .route(
                        IntegrationEvent.class,
                        event -> RoutingTarget.forTarget(TOPICS.get(event.getClass()))
                                .withoutKey())
                .build();
    }

    /**
     * Modulith's JSON converter, minus the {@code __TypeId__} header it would add: a Java class name is no part of a
     * contract between teams (the {@code ce_type} is).
     */
    @Bean
    RecordMessageConverter cloudEventsMessageConverter(JsonMapper mapper) {
        return new ByteArrayJacksonJsonMessageConverter(mapper) {
            @Override
            protected Headers initialRecordHeaders(Message<?> message) {
                return new RecordHeaders();
            }
        };
    }

    static Message<ObjectNode> toMessage(IntegrationEvent event, JsonMapper mapper, MessagingSettings settings) {
        String topic = TOPICS.get(event.getClass());
        ObjectNode data = mapper.valueToTree(event);
        data.remove(EVENT_ID);
        CloudEvent attributes = CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withType(settings.typePrefix() + "." + topic)
                .withSource(URI.create(settings.source() + "/" + ownerOf(topic)))
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        var builder = MessageBuilder.withPayload(data)
                .setHeader(KafkaHeaders.TOPIC, topic)
                .setHeader(KafkaHeaders.KEY, event.subject());
        for (Header header : KafkaMessageFactory.createWriter(topic, event.subject())
                .writeBinary(attributes)
                .headers()) {
            builder.setHeader(header.key(), header.value());
        }
        return builder.build();
    }

    /** The topic named by {@code @Externalized}, without a routing key expression. */
    static String topicOf(Class<?> type) {
        Externalized externalized = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class);
        if (externalized == null || externalized.value().isBlank()) {
            throw new IllegalStateException(type.getName() + " must name its topic with @Externalized(\"<topic>\")");
        }
        String target = externalized.value();
        int key = target.indexOf("::");
        return key < 0 ? target : target.substring(0, key);
    }

    /** Topics are named {@code <owning module>.<event>.v<major>}. */
    static String ownerOf(String topic) {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }
}
