package com.example.service;

import com.example.service.local.LocalInfrastructure;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.platform.messaging.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * How many events per second go through the outbox to Kafka on this machine, and how long each takes from the
 * committing transaction to the broker's acknowledgement at a steady rate. Runs the whole service on the local
 * infrastructure (PostgreSQL, Kafka). First the maximum: threads place orders as fast as they can (each commits one
 * OrderPlaced publication) until the outbox has drained, and, in the same run, the same number of records are sent
 * straight to Kafka with a {@code KafkaTemplate}, each thread waiting for one acknowledgement at a time (a publisher
 * without an outbox), for the ratio. Then the latency at steady rates, 50% and 90% of that maximum, for
 * {@code benchmark.seconds} each.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -DskipTests} ({@code -Dbenchmark.events=20000 -Dbenchmark.threads=8
 * -Dbenchmark.seconds=20}). Not a test: it asserts nothing and prints figures.
 */
public final class OutboxBenchmark {

    private OutboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("benchmark.events", 20_000);
        int threads = Integer.getInteger("benchmark.threads", 8);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int warmup = Math.max(events / 10, 500);

        ConfigurableApplicationContext service = SpringApplication.from(ServiceApplication::main)
                .with(LocalInfrastructure.class)
                .run(
                        "--server.port=0",
                        "--logging.level.root=warn",
                        "--logging.structured.format.console=",
                        "--logging.level.kafka=error",
                        "--logging.level.state.change.logger=error",
                        "--spring.modulith.events.completion-mode=update")
                .getApplicationContext();
        try {
            OrderManagement orders = service.getBean(OrderManagement.class);
            Outbox outbox = service.getBean(Outbox.class);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            @SuppressWarnings("unchecked")
            ProducerFactory<Object, Object> producers = service.getBean(ProducerFactory.class);
            KafkaTemplate<Object, Object> direct = new KafkaTemplate<>(producers);

            System.out.printf(Locale.ROOT, "%nWarm-up: %d events each way, %d threads%n", warmup, threads);
            throughOutbox(orders, outbox, jdbc, warmup, threads, 0);
            straightToKafka(direct, warmup, threads);

            System.out.printf(Locale.ROOT, "Maximum rate: %d events each way, %d threads%n", events, threads);
            Result viaOutbox = throughOutbox(orders, outbox, jdbc, events, threads, 0);
            Result straight = straightToKafka(direct, events, threads);
            List<Result> steady = new ArrayList<>();
            for (double share : new double[] {0.5, 0.9}) {
                double rate = share * viaOutbox.perSecond();
                System.out.printf(Locale.ROOT, "Steady rate: %.0f events/s for %d s%n", rate, seconds);
                steady.add(throughOutbox(orders, outbox, jdbc, (int) (rate * seconds), threads, rate));
            }

            System.out.printf(Locale.ROOT, "%n%-46s %10s %9s %9s %9s%n", "", "events/s", "p50 ms", "p95 ms", "p99 ms");
            print("max, through the outbox (a queue builds up)", viaOutbox);
            print("max, straight to Kafka (send -> ack)", straight);
            print("50% of max, through the outbox (commit -> ack)", steady.get(0));
            print("90% of max, through the outbox (commit -> ack)", steady.get(1));
            System.out.printf(
                    Locale.ROOT,
                    "ratio of maximum rates, outbox / straight: %.2f%n%n",
                    viaOutbox.perSecond() / straight.perSecond());
        } finally {
            service.close();
        }
    }

    /**
     * Places orders from {@code threads} threads (each commits one OrderPlaced publication), as fast as they can or at
     * {@code rate} per second, and waits until the outbox is empty. Latency per event is the registry's own record:
     * publication date (in the committing transaction) to completion date (after the broker's acknowledgement).
     */
    private static Result throughOutbox(
            OrderManagement orders, Outbox outbox, JdbcClient jdbc, int events, int threads, double rate)
            throws Exception {
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        String customer = "bench-" + UUID.randomUUID();
        run(threads, events, i -> {
            if (rate > 0) {
                LockSupport.parkNanos(startNanos + (long) (i * 1e9 / rate) - System.nanoTime());
            }
            orders.place(OrderFixtures.newOrder(customer), null);
        });
        while (outbox.backlog(1).incomplete() > 0) {
            Thread.sleep(20);
        }
        List<Double> latencies = jdbc.sql("""
                        select extract(epoch from (p.completion_date - p.publication_date)) * 1000 as millis
                        from event_publication p
                        where p.publication_date >= :start and p.event_type like '%OrderPlaced'
                        """)
                .param("start", java.sql.Timestamp.from(start))
                .query(Double.class)
                .list();
        Instant last = jdbc.sql("select max(completion_date) from event_publication where publication_date >= ?")
                .param(java.sql.Timestamp.from(start))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        return Result.of(latencies, Duration.between(start, last));
    }

    /** The same number of records sent with a KafkaTemplate, each thread waiting for one acknowledgement at a time. */
    private static Result straightToKafka(KafkaTemplate<Object, Object> kafka, int events, int threads)
            throws Exception {
        byte[] payload = ("{\"orderId\":\"" + UUID.randomUUID()
                        + "\",\"customerId\":\"bench\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}],"
                        + "\"placedAt\":\"2026-11-27T10:15:30Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        double[] latencies = new double[events];
        Instant start = Instant.now();
        run(threads, events, i -> {
            long sent = System.nanoTime();
            kafka.send("benchmark.straight.v1", UUID.randomUUID().toString(), payload)
                    .get(30, TimeUnit.SECONDS);
            latencies[i] = (System.nanoTime() - sent) / 1_000_000.0;
        });
        Duration took = Duration.between(start, Instant.now());
        return Result.of(Arrays.stream(latencies).boxed().toList(), took);
    }

    private interface Work {
        void run(int index) throws Exception;
    }

    private static void run(int threads, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    private static void print(String name, Result result) {
        System.out.printf(
                Locale.ROOT,
                "%-46s %10.0f %9.1f %9.1f %9.1f%n",
                name,
                result.perSecond(),
                result.p50(),
                result.p95(),
                result.p99());
    }

    private record Result(int events, Duration took, double p50, double p95, double p99) {

        static Result of(List<Double> latencies, Duration took) {
            double[] sorted =
                    latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Result(
                    sorted.length, took, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
        }

        double perSecond() {
            return events / (took.toNanos() / 1e9);
        }

        private static double percentile(double[] sorted, double p) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }
}
