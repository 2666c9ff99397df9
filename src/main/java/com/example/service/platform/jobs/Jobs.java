package com.example.service.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;

/**
 * Runs a job's work once, if its kill-switch flag is on: observed as {@code job.run} (a timer with the run's outcome,
 * and a span), with {@code jobs.runs{job.name,outcome}}, {@code jobs.items{job.name}} and {@code jobs.failures{job.name}} counted
 * ({@code job.name}, not {@code job}: Prometheus keeps {@code job} for its scrape jobs).
 * Outcomes: {@code completed}, {@code failed} (the work threw), {@code switched-off} (the flag is off).
 */
@Component
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final FeatureManager features;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    Jobs(FeatureManager features, ObservationRegistry observations, MeterRegistry meters) {
        this.features = features;
        this.observations = observations;
        this.meters = meters;
    }

    /** Runs {@code work} as the job {@code name} unless {@code killSwitch} is off; answers what it did. */
    public JobRun run(String name, Feature killSwitch, Supplier<JobRun> work) {
        if (!features.isActive(killSwitch)) {
            count("jobs.runs", "Job runs, by outcome", name, "switched-off", 1);
            log.debug("Job {} skipped: flag {} is off", name, killSwitch.name());
            return JobRun.NOTHING;
        }
        Observation observation = Observation.createNotStarted("job.run", observations)
                .contextualName("job " + name)
                .lowCardinalityKeyValue("job.name", name);
        try {
            JobRun run = observation.observe(work);
            count("jobs.runs", "Job runs, by outcome", name, "completed", 1);
            count("jobs.items", "Items job runs handled", name, null, run.processed());
            count("jobs.failures", "Items job runs could not handle (they stay due)", name, null, run.failed());
            if (run.processed() > 0 || run.failed() > 0) {
                log.info("Job {} processed {} item(s), {} failed", name, run.processed(), run.failed());
            }
            return run;
        } catch (RuntimeException failure) {
            count("jobs.runs", "Job runs, by outcome", name, "failed", 1);
            log.error("Job {} failed", name, failure);
            throw failure;
        }
    }

    private void count(String meter, String description, String job, String outcome, int amount) {
        var builder = Counter.builder(meter).description(description).tag("job.name", job);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        builder.register(meters).increment(amount);
    }
}
