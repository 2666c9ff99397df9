package com.example.service.platform.messaging;

import static com.example.service.local.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.config.StalenessProperties;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox as operators use it: its backlog, its meters, and resubmitting what an instance left behind. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxIntegrationTests {

    static final String EXTERNALIZER =
            "org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)";

    @Autowired
    RestTestClient http;

    @Autowired
    LocalTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    LocalKafka kafka;

    @Autowired
    StalenessProperties staleness;

    @Autowired
    EventSerializer serializer;

    @Value("${spring.application.name}")
    String application;

    @Test
    void registryShouldStoreEventsWithTheServicesOwnSerializer() {
        // Modulith's own looks the JSON mapper up for every event stored (EventSerialization).
        assertThat(serializer).isInstanceOf(EventSerialization.JsonEventSerializer.class);
    }

    @Test
    void outboxEndpointShouldNeedTheOpsAdminScope() {
        http.get().uri("/actuator/outbox").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("flags:admin")))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issue(tokens.operator("ops:admin")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.incomplete")
                .isNumber()
                .jsonPath("$.byStatus")
                .exists();
    }

    @Test
    void aPublicationLeftBehindByADeadInstanceShouldBeListedAndResubmittedOnRequest() {
        UUID thing = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // Younger than the staleness limit (1 min), so that only the operator's request resubmits it within the wait.
        Instant recordedAt = Instant.now().minus(10, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MICROS);
        // What a killed instance leaves: the publication committed with the change, never completed.
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status)
                        values (:id, :listener, :type, :event, :date, 'PUBLISHED')
                        """)
                .param("id", UUID.randomUUID())
                .param("listener", EXTERNALIZER)
                .param("type", ThingRecorded.class.getName())
                .param("event", json.writeValueAsString(new ThingRecorded(eventId, thing, recordedAt)))
                .param("date", Timestamp.from(recordedAt))
                .update();
        String admin = "Bearer " + tokens.issue(tokens.operator("ops:admin"));

        http.get()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.oldest[?(@.eventType == '%s')]".formatted(ThingRecorded.class.getName()))
                .exists();
        http.post()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"olderThan\": \"PT5S\"}")
                .exchange()
                .expectStatus()
                .isOk();

        try (KafkaTestClient consumer = new KafkaTestClient(kafka.bootstrapServers())) {
            var record = consumer.awaitKeyed(ThingRecorded.TOPIC, thing.toString(), 1, Duration.ofSeconds(20))
                    .get(0);
            assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        }
    }

    @Test
    void resubmittingTheWholeOutboxShouldNeedAnExplicitRequestAndBeLoggedWithWhoAsked(CapturedOutput output) {
        String admin = "Bearer " + tokens.issue("operator-ada", tokens.operator("ops:admin"));
        http.post()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(output).doesNotContain("operator-ada asked to resubmit");

        http.post()
                .uri("/actuator/outbox")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"all\": true}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(output)
                .contains("operator-ada asked to resubmit the outbox's incomplete publications older than PT0S");
    }

    @Test
    void stalenessSettingsShouldBind() {
        // Modulith 2.0.3 binds these by its constructor's parameter names; a misspelt key would leave them at zero.
        assertThat(staleness.getStaleness(EventPublication.Status.PUBLISHED)).isEqualTo(Duration.ofMinutes(1));
        assertThat(staleness.getStaleness(EventPublication.Status.PROCESSING)).isEqualTo(Duration.ofMinutes(2));
        assertThat(staleness.getStaleness(EventPublication.Status.RESUBMITTED)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void outboxAndMessagingMetersShouldBeScraped() {
        String scrape = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("events_outbox_incomplete{application=\"%s\"}".formatted(application))
                .contains("events_outbox_oldest_age_seconds{application=\"%s\"}".formatted(application));
    }
}
