package {{package}}.{{module}}.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.IntegrationTest;
import {{package}}.{{module}}.{{Module}}Features;
import {{package}}.platform.jobs.JobRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;

/** Job {{job}} through its trigger: switched off by its flag, and counted when it runs. */
@IntegrationTest
class {{Job}}JobIntegrationTests {

    @Autowired
    {{Job}}Job job;

    @Autowired
    FeatureManager features;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void switchOff() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, false));
    }

    @Test
    void runWhileTheFlagIsOffShouldDoNothingAndCountItSwitchedOff() {
        double before = runs("switched-off");

        assertThat(job.{{jobMethod}}()).isEqualTo(JobRun.NOTHING);

        assertThat(runs("switched-off")).isEqualTo(before + 1);
    }

    @Test
    void runWhileTheFlagIsOnShouldDoTheWorkAndCountIt() {
        features.setFeatureState(new FeatureState({{Module}}Features.{{flag}}, true));
        double before = runs("completed");

        JobRun run = job.{{jobMethod}}();

        assertThat(run.failed()).isZero();
        assertThat(runs("completed")).isEqualTo(before + 1);
    }

    private double runs(String outcome) {
        Counter counter = meters.find("jobs.runs")
                .tags("job.name", {{Job}}Job.NAME, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
