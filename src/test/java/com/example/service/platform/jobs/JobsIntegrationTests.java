package com.example.service.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.example.service.IntegrationTest;
import com.example.service.platform.PlatformTestFeatures;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/** The platform's job runner: a job runs only while its flag is on, and every run is counted by its outcome. */
@IntegrationTest
class JobsIntegrationTests {

    static final PlatformTestFeatures.Features FLAG = PlatformTestFeatures.Features.PLATFORM_TEST_FLAG;

    @Autowired
    Jobs jobs;

    @Autowired
    FeatureManager features;

    @Autowired
    MeterRegistry meters;

    final String name = "tests.job-" + UUID.randomUUID();

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState(FLAG, false));
    }

    @Test
    void aJobWhoseFlagIsOffShouldNotRun() {
        AtomicInteger runs = new AtomicInteger();

        JobRun run = jobs.run(name, FLAG, () -> {
            runs.incrementAndGet();
            return new JobRun(1, 0);
        });

        assertThat(run).isEqualTo(JobRun.NOTHING);
        assertThat(runs).hasValue(0);
        assertThat(count("jobs.runs", "switched-off")).isEqualTo(1);
    }

    @Test
    void aJobWhoseFlagIsOnShouldRunAndCountWhatItHandled() {
        features.setFeatureState(new FeatureState(FLAG, true));

        JobRun run = jobs.run(name, FLAG, () -> new JobRun(3, 1).plus(new JobRun(1, 0)));

        assertThat(run).isEqualTo(new JobRun(4, 1));
        assertThat(count("jobs.runs", "completed")).isEqualTo(1);
        assertThat(meters.counter("jobs.items", "job.name", name).count()).isEqualTo(4);
        assertThat(meters.counter("jobs.failures", "job.name", name).count()).isEqualTo(1);
    }

    @Test
    void aJobThatThrowsShouldBeCountedAsFailed() {
        features.setFeatureState(new FeatureState(FLAG, true));

        assertThatIllegalStateException()
                .isThrownBy(() -> jobs.run(name, FLAG, () -> {
                    throw new IllegalStateException("broken");
                }));

        assertThat(count("jobs.runs", "failed")).isEqualTo(1);
    }

    private double count(String meter, String outcome) {
        return meters.counter(meter, "job.name", name, "outcome", outcome).count();
    }
}
