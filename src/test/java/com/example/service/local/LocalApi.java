package com.example.service.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.cloud.contract.stubrunner.BatchStubRunner;
import org.springframework.cloud.contract.stubrunner.BatchStubRunnerFactory;
import org.springframework.cloud.contract.stubrunner.StubRunnerOptionsBuilder;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;

/**
 * Another team's HTTP API as that team publishes it: Spring Cloud Contract's Stub Runner serves the contracts in
 * {@code contracts/http/consumed/<api>/} from a WireMock server on a free port. It stands in for the API in the local
 * run and the integration tests; it answers what the contracts say and nothing else.
 */
public final class LocalApi implements AutoCloseable {

    public static final Path CONSUMED = Path.of("contracts/http/consumed");

    private final String name;
    private final BatchStubRunner stubs;

    private LocalApi(String name, BatchStubRunner stubs) {
        this.name = name;
        this.stubs = stubs;
    }

    /** Serves {@code contracts/http/consumed/<name>/}, e.g. {@code carrier}. */
    public static LocalApi start(String name) {
        BatchStubRunner stubs = new BatchStubRunnerFactory(new StubRunnerOptionsBuilder()
                        .withStubRepositoryRoot(
                                "stubs://file://" + contracts(name).toAbsolutePath())
                        .withStubsMode(StubRunnerProperties.StubsMode.REMOTE)
                        .withGenerateStubs(true)
                        .withStubs("com.example." + name + ":" + name + "-api:+:stubs")
                        .build())
                .buildBatchStubRunner();
        stubs.runStubs();
        return new LocalApi(name, stubs);
    }

    public static Path contracts(String name) {
        return CONSUMED.resolve(name);
    }

    public String baseUrl() {
        String url = stubs.findStubUrl("com.example." + name, name + "-api").toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        try {
            stubs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
