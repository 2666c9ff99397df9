package com.example.service.local;

import java.util.Map;
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
        return LocalDocker.useContainers("kafka") ? Container.start() : Embedded.start(0);
    }

    record Container(KafkaContainer server) implements LocalKafka {

        static Container start() {
            KafkaContainer server = new KafkaContainer("apache/kafka:4.1.0");
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

        /** An embedded single-node KRaft cluster; {@code port} 0 picks a free one. */
        public static Embedded start(int port) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            if (port > 0) {
                broker.kafkaPorts(port);
            }
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            return new Embedded(broker);
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
