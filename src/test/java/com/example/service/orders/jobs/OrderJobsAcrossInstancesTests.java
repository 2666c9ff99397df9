package com.example.service.orders.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.ServiceApplication;
import com.example.service.local.LocalInfrastructure;
import com.example.service.local.LocalKafka;
import com.example.service.local.LocalPostgres;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrdersFeatures;
import com.example.service.platform.jobs.JobRun;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/**
 * Two instances of the service on one database run the same job at the same moment: every due item is handled
 * exactly once (ShedLock lets one instance run it; the other skips).
 */
class OrderJobsAcrossInstancesTests {

    static LocalPostgres postgres;
    static LocalKafka kafka;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        postgres = LocalPostgres.start();
        kafka = LocalKafka.Embedded.start();
        first = start();
        second = start();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        kafka.close();
        postgres.close();
    }

    @Test
    void eachDueOrderShouldBeExpiredExactlyOnce() throws Exception {
        OrderManagement orders = first.getBean(OrderManagement.class);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        for (int i = 0; i < 30; i++) {
            orders.place(OrderFixtures.newOrder("two-instances-" + i), null);
        }
        jdbc.sql("update orders set placed_at = :at")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(2))))
                .update();
        first.getBean(FeatureManager.class).setFeatureState(new FeatureState(OrdersFeatures.ORDERS_EXPIRY_JOB, true));
        second.getBean(FeatureManager.class).setFeatureState(new FeatureState(OrdersFeatures.ORDERS_EXPIRY_JOB, true));

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<JobRun>> runs = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            OrderJobs jobs = instance.getBean(OrderJobs.class);
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return jobs.expireUnpaid(); // null when the other instance holds the lock: ShedLock skipped it
            }));
        }
        go.countDown();
        int processed = 0;
        for (CompletableFuture<JobRun> run : runs) {
            JobRun result = run.get();
            processed += result == null ? 0 : result.processed();
        }

        assertThat(processed).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from orders where status = 'CANCELLED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(30);
        assertThat(jdbc.sql("""
                        select count(*) from event_publication
                        where event_type like '%OrderCancelled' and listener_id like '%externalize%'
                        """).query(Long.class).single())
                .as("one OrderCancelled per order")
                .isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from shedlock where name = ?")
                        .param(OrderJobs.EXPIRE_UNPAID)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ServiceApplication.class, LocalInfrastructure.class)
                .run(
                        "--server.port=0",
                        "--local.postgres.enabled=false",
                        "--local.kafka.enabled=false",
                        "--spring.datasource.url=" + postgres.jdbcUrl(),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--togglz.cache.enabled=false",
                        "--logging.level.kafka=warn",
                        "--logging.level.state.change.logger=warn");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
