/**
 * Background jobs as every module runs them: a thin {@code @Scheduled} trigger, locked with ShedLock's
 * {@code @SchedulerLock} so that one instance at a time runs it across replicas, hands a plain method to
 * {@link Jobs#run}, which honours the job's kill-switch flag, opens a span and records runs, duration, items and
 * failures.
 */
@NullMarked
package com.example.service.platform.jobs;

import org.jspecify.annotations.NullMarked;
