package {{package}}.{{module}}.jobs;

import {{package}}.{{module}}.{{Module}}Features;
import {{package}}.platform.jobs.JobRun;
import {{package}}.platform.jobs.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Job {@value #NAME}: {{jobWords}}. Runs on one instance at a time (ShedLock) and only while {{flag}} is on;
 * each run is counted ({@code jobs.runs}, {@code jobs.items}, {@code jobs.failures}) and traced. See {{change}}.
 */
@Component
class {{Job}}Job {

    static final String NAME = "{{job}}";
    static final String INTERVAL = "${{{module}}.jobs.{{jobName}}.interval:{{every}}}";

    private final Jobs jobs;

    {{Job}}Job(Jobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    @SchedulerLock(name = NAME, lockAtMostFor = "PT30M")
    JobRun {{jobMethod}}() {
        return jobs.run(NAME, {{Module}}Features.{{flag}}, this::work);
    }

    private JobRun work() {
        // Business logic: call the {{module}} module's API, which does the work and answers what it did.
        return JobRun.NOTHING;
    }
}
