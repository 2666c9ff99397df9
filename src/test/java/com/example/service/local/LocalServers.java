package com.example.service.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL and Kafka for {@link LocalInfrastructure}, each started on a thread of its own the moment the context is
 * being built, unless {@code local.postgres.enabled} or {@code local.kafka.enabled} is {@code false}: the two start
 * side by side, and beside the rest of the context, instead of one after the other when a bean first needs them.
 */
final class LocalServers implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private @Nullable CompletableFuture<LocalPostgres> postgres;
    private @Nullable CompletableFuture<LocalKafka> kafka;

    @Override
    public void setEnvironment(Environment environment) {
        if (environment.getProperty("local.postgres.enabled", Boolean.class, true)) {
            postgres = start("local-postgres", LocalPostgres::start);
        }
        if (environment.getProperty("local.kafka.enabled", Boolean.class, true)) {
            kafka = start("local-kafka", LocalKafka::start);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Nothing to change: being made first is the point.
    }

    LocalPostgres postgres() {
        return ready(postgres, "local.postgres.enabled");
    }

    LocalKafka kafka() {
        return ready(kafka, "local.kafka.enabled");
    }

    @Override
    public void destroy() {
        closeWhenStarted(kafka);
        closeWhenStarted(postgres);
    }

    private static <T> CompletableFuture<T> start(String name, Supplier<T> server) {
        CompletableFuture<T> started = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        started.complete(server.get());
                    } catch (Throwable failure) {
                        started.completeExceptionally(failure);
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private static <T> T ready(@Nullable CompletableFuture<T> server, String setting) {
        if (server == null) {
            throw new IllegalStateException("Not started: " + setting + " is false");
        }
        try {
            return server.join();
        } catch (CompletionException failure) {
            throw failure.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("Could not start a local server", failure.getCause());
        }
    }

    private static void closeWhenStarted(@Nullable CompletableFuture<? extends AutoCloseable> server) {
        if (server == null) {
            return;
        }
        try {
            server.join().close();
        } catch (Exception notStartedOrAlreadyGone) {
            // Nothing left to close.
        }
    }
}
