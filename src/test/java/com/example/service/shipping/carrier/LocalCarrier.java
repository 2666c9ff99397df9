package com.example.service.shipping.carrier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.cloud.contract.stubrunner.BatchStubRunner;
import org.springframework.cloud.contract.stubrunner.BatchStubRunnerFactory;
import org.springframework.cloud.contract.stubrunner.StubRunnerOptionsBuilder;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties;

/**
 * The carrier's shipment API as its own team publishes it: Spring Cloud Contract's Stub Runner serves the carrier's
 * contracts ({@code contracts/http/consumed/carrier/}) from a WireMock server on a free port. It stands in for the
 * carrier in the local run and the integration tests; it answers what the contracts say and nothing else.
 */
public final class LocalCarrier implements AutoCloseable {

    public static final String CONTRACTS = "contracts/http/consumed/carrier";
    public static final String STUB = "com.example.carrier:carrier-api:+:stubs";

    private final BatchStubRunner stubs;

    private LocalCarrier(BatchStubRunner stubs) {
        this.stubs = stubs;
    }

    public static LocalCarrier start() {
        BatchStubRunner stubs = new BatchStubRunnerFactory(new StubRunnerOptionsBuilder()
                        .withStubRepositoryRoot(
                                "stubs://file://" + Path.of(CONTRACTS).toAbsolutePath())
                        .withStubsMode(StubRunnerProperties.StubsMode.REMOTE)
                        .withGenerateStubs(true)
                        .withStubs(STUB)
                        .build())
                .buildBatchStubRunner();
        stubs.runStubs();
        return new LocalCarrier(stubs);
    }

    public String baseUrl() {
        String url = stubs.findStubUrl("com.example.carrier", "carrier-api").toString();
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
