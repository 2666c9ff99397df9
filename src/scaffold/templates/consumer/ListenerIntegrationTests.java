package {{package}}.{{module}}.messaging;

import static {{package}}.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import {{package}}.IntegrationTest;
import {{package}}.local.KafkaTestClient;
import {{package}}.local.LocalKafka;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code {{topic}}} consumed on a real broker: applied once however often it is delivered, and a message that breaks
 * the schema goes to the dead-letter topic while the ones behind it go on.
 */
@IntegrationTest
class {{Payload}}ListenerIntegrationTests {

    static final Duration WITHIN = Duration.ofSeconds(30);
    static final String DEAD_LETTERS = {{Payload}}.TOPIC + ".{{group}}.dlt";

    @Autowired
    LocalKafka kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    KafkaTestClient client;

    @BeforeEach
    void connect() {
        client = new KafkaTestClient(kafka.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void theSameEventDeliveredTwiceShouldBeAppliedOnce() {
        double duplicatesBefore = duplicates();
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        client.send(event(id, key, valid(key)));
        client.send(event(id, key, valid(key)));
        String after = UUID.randomUUID().toString();
        client.send(event(after, after, valid(after)));

        await().atMost(WITHIN).until(() -> applied(after) == 1);
        assertThat(applied(id)).isEqualTo(1);
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void anEventThatBreaksTheSchemaShouldBeDeadLetteredAndTheNextApplied() {
        String key = UUID.randomUUID().toString();
        String invalid = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();

        client.send(event(invalid, key, "{\"{{subject}}\": \"not-a-uuid\"}"));
        client.send(event(next, next, valid(next)));

        var letters = client.awaitKeyed(DEAD_LETTERS, key, 1, WITHIN);
        assertThat(header(letters.get(0), "dlt-reason")).isNotBlank();
        await().atMost(WITHIN).until(() -> applied(next) == 1);
        assertThat(applied(invalid)).isZero();
    }

    private double duplicates() {
        Counter counter = meters.find("messages.duplicates")
                .tag("consumer", {{Payload}}Listener.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long applied(String id) {
        return jdbc.sql("select count(*) from processed_messages where consumer = ? and message_id = ?")
                .param({{Payload}}Listener.CONSUMER)
                .param(id)
                .query(Long.class)
                .single();
    }

    private static String valid(String key) {
        return "{\"{{subject}}\": \"" + key + "\", \"{{happenedAt}}\": \"2026-11-27T10:15:30Z\"}";
    }

    /** A CloudEvent in binary mode, as the {{producer}} team's service sends it. */
    private static ProducerRecord<String, byte[]> event(String id, String key, String json) {
        var event = CloudEventBuilder.v1()
                .withId(id)
                .withType("{{typePrefix}}." + {{Payload}}.TOPIC)
                .withSource(URI.create("/{{producer}}"))
                .withSubject(key)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter({{Payload}}.TOPIC, key).writeBinary(event);
    }
}
