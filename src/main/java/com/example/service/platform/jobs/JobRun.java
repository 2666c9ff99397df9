package com.example.service.platform.jobs;

/**
 * What one run of a job did.
 *
 * @param processed items the run handled successfully
 * @param failed items it tried and could not handle (they stay due for the next run)
 */
public record JobRun(int processed, int failed) {

    public static final JobRun NOTHING = new JobRun(0, 0);

    public JobRun plus(JobRun other) {
        return new JobRun(processed + other.processed, failed + other.failed);
    }
}
