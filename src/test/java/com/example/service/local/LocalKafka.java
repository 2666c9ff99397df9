package com.example.service.local;

import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for the local run and the integration tests: a Testcontainers container where a Docker engine is
 * reachable, else spring-kafka's embedded KRaft broker, in this JVM. {@code LOCAL_KAFKA=embedded|container} (or the
 * system property {@code local.kafka}) forces the choice. Topics are created on first use.
 */
public sealed interface LocalKafka extends AutoCloseable {

    String bootstrapServers();

    /** How this broker was started, for the {@code Local infrastructure:} line. */
    String kind();

    @Override
    void close();

    static LocalKafka start() {
        return LocalDocker.useContainers("kafka") ? Container.start() : Embedded.start();
    }

    record Container(KafkaContainer server) implements LocalKafka {

        /** The broker at the version of the Kafka clients the build uses ({@code kafka.version}). */
        static Container start() {
            KafkaContainer server = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
            server.start();
            return new Container(server);
        }

        public String bootstrapServers() {
            return server.getBootstrapServers();
        }

        public String kind() {
            return "container " + server.getDockerImageName();
        }

        public void close() {
            server.stop();
        }
    }

    record Embedded(EmbeddedKafkaKraftBroker broker) implements LocalKafka {

        /** An embedded single-node KRaft cluster on a free port. */
        public static Embedded start() {
            return start(null);
        }

        /**
         * An embedded broker that tells clients to connect to {@code advertisedPort} on localhost, where a test puts a
         * {@link TcpProxy} to it (the embedded cluster binds its own ports, so this is how a test gets a fixed one).
         */
        public static Embedded advertising(int advertisedPort) {
            return start(advertisedPort);
        }

        private static Embedded start(Integer advertisedPort) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0"));
            if (advertisedPort != null) {
                broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + advertisedPort);
            }
            broker.afterPropertiesSet();
            return new Embedded(broker);
        }

        /** Where the broker really listens. */
        public int port() {
            return Integer.parseInt(
                    bootstrapServers().substring(bootstrapServers().lastIndexOf(':') + 1));
        }

        public String bootstrapServers() {
            return broker.getBrokersAsString();
        }

        public String kind() {
            return "embedded KRaft";
        }

        public void close() {
            broker.destroy();
        }
    }
}
