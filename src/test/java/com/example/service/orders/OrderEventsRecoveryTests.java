package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.service.ServiceApplication;
import com.example.service.local.KafkaTestClient;
import com.example.service.local.LocalInfrastructure;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalPostgres;
import com.example.service.local.TcpProxy;
import com.example.service.platform.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * Nothing the service accepted is lost when Kafka is away or the service dies: each test runs the whole service in
 * application contexts of its own, on one real PostgreSQL, and brings brokers up and down around it.
 */
class OrderEventsRecoveryTests {

    static final Duration WITHIN = Duration.ofSeconds(60);

    LocalPostgres postgres;

    @BeforeEach
    void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterEach
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void ordersPlacedWhileTheBrokerIsDownShouldAllCommitAndTheirEventsAllArriveWhenItReturns() {
        int port = TcpProxy.freePort();
        List<UUID> placed = new ArrayList<>();
        try (LocalKafka.Embedded broker = LocalKafka.Embedded.advertising(port);
                TcpProxy network = new TcpProxy(port, "localhost", broker.port());
                ConfigurableApplicationContext service = start("localhost:" + port)) {
            OrderManagement orders = service.getBean(OrderManagement.class);
            Outbox outbox = service.getBean(Outbox.class);

            // The broker is unreachable: every order still commits, and its event waits in the outbox.
            for (int i = 0; i < 20; i++) {
                placed.add(orders.place(OrderFixtures.newOrder("broker-down-" + i), null)
                        .order()
                        .getId());
            }
            assertThat(placed).allSatisfy(id -> assertThat(orders.find(id)).isPresent());
            assertThat(outbox.backlog(100).incomplete()).isEqualTo(20);
            assertThat(readiness(service)).isEqualTo(Status.DOWN);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            await().atMost(WITHIN).until(() -> count(meters, "events.publication.failures") > 0);

            network.up();

            try (KafkaTestClient consumer = new KafkaTestClient("localhost:" + port)) {
                List<ConsumerRecord<String, byte[]>> delivered =
                        consumer.readUntil(OrderPlaced.TOPIC, read -> keys(read).containsAll(ids(placed)), WITHIN);
                assertThat(keys(delivered)).containsAll(ids(placed));
            }
            await().atMost(WITHIN)
                    .untilAsserted(
                            () -> assertThat(outbox.backlog(100).incomplete()).isZero());
            await().atMost(WITHIN)
                    .untilAsserted(() -> assertThat(readiness(service)).isEqualTo(Status.UP));
        }
    }

    @Test
    void eventsCommittedButNotYetPublishedWhenTheServiceDiedShouldBePublishedAfterRestart() {
        try (LocalKafka broker = LocalKafka.Embedded.start();
                KafkaTestClient consumer = new KafkaTestClient(broker.bootstrapServers())) {
            List<UUID> placed = new ArrayList<>();
            // The instance that dies: its orders commit, but it never gets to run the externalization.
            try (ConfigurableApplicationContext dying =
                    start(broker.bootstrapServers(), Map.of(), DiesBeforePublishing.class)) {
                OrderManagement orders = dying.getBean(OrderManagement.class);
                for (int i = 0; i < 3; i++) {
                    placed.add(orders.place(OrderFixtures.newOrder("died-" + i), null)
                            .order()
                            .getId());
                }
                assertThat(dying.getBean(Outbox.class).backlog(100).byStatus()).containsEntry("PUBLISHED", 3L);
            }
            assertThat(KafkaTestClient.withKey(
                            consumer.readAll(OrderPlaced.TOPIC), placed.get(0).toString()))
                    .isEmpty();

            // The restarted instance finds the publications stale, marks them failed and resubmits them.
            try (ConfigurableApplicationContext restarted = start(
                    broker.bootstrapServers(),
                    Map.of(
                            "spring.modulith.events.staleness.published", "2s",
                            "spring.modulith.events.staleness.check-intervall", "1s"))) {
                List<ConsumerRecord<String, byte[]>> delivered =
                        consumer.readUntil(OrderPlaced.TOPIC, read -> keys(read).containsAll(ids(placed)), WITHIN);

                assertThat(keys(delivered)).containsAll(ids(placed));
                Outbox outbox = restarted.getBean(Outbox.class);
                await().atMost(WITHIN)
                        .untilAsserted(() ->
                                assertThat(outbox.backlog(100).incomplete()).isZero());
            }
        }
    }

    private ConfigurableApplicationContext start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    private ConfigurableApplicationContext start(
            String bootstrapServers, Map<String, Object> extra, Class<?>... configurations) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "local.postgres.enabled", "false",
                "local.kafka.enabled", "false",
                "spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "spring.kafka.bootstrap-servers", bootstrapServers,
                "spring.kafka.producer.properties.max.block.ms", "1000",
                "service.messaging.outbox.resubmission-interval", "1s"));
        properties.put("spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        properties.put("spring.kafka.producer.properties.request.timeout.ms", "1000");
        properties.put("logging.level.kafka", "warn");
        properties.put("logging.level.state.change.logger", "warn");
        properties.put("logging.level.org.apache.kafka", "error");
        properties.putAll(extra);
        List<Class<?>> sources = new ArrayList<>(List.of(ServiceApplication.class, LocalInfrastructure.class));
        sources.addAll(List.of(configurations));
        // As command-line arguments, so that they win over application.yaml.
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }

    private static double count(MeterRegistry meters, String name) {
        var counter = meters.find(name).tag("topic", OrderPlaced.TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Status readiness(ConfigurableApplicationContext service) {
        return service.getBean(HealthEndpoint.class).healthForPath("readiness").getStatus();
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }

    private static List<String> ids(List<UUID> orders) {
        return orders.stream().map(UUID::toString).toList();
    }

    /**
     * An instance that dies right after its transactions commit: the task executor that would run the asynchronous
     * externalization drops the work, as a killed process would.
     */
    @Configuration(proxyBeanMethods = false)
    static class DiesBeforePublishing {

        @Bean
        TaskExecutor taskExecutor() {
            return task -> {};
        }
    }
}
