package com.example.service.orders.jobs;

import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrdersFeatures;
import com.example.service.platform.jobs.JobRun;
import com.example.service.platform.jobs.Jobs;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The orders module's jobs. Each trigger runs on one instance at a time across replicas (ShedLock) and only while its
 * flag is on; the work is {@link OrderManagement}'s, and each run answers what it did.
 */
@Component
class OrderJobs {

    static final String EXPIRE_UNPAID = "orders.expire-unpaid";
    static final String REMOVE_PERSONAL_DATA = "orders.remove-personal-data";

    private final Jobs jobs;
    private final OrderManagement orders;

    OrderJobs(Jobs jobs, OrderManagement orders) {
        this.jobs = jobs;
        this.orders = orders;
    }

    @Scheduled(
            fixedDelayString = "${orders.jobs.expiry.interval:5m}",
            initialDelayString = "${orders.jobs.expiry.interval:5m}")
    @SchedulerLock(name = EXPIRE_UNPAID, lockAtMostFor = "PT10M")
    JobRun expireUnpaid() {
        return jobs.run(EXPIRE_UNPAID, OrdersFeatures.ORDERS_EXPIRY_JOB, orders::expireUnpaid);
    }

    @Scheduled(
            fixedDelayString = "${orders.jobs.retention.interval:1h}",
            initialDelayString = "${orders.jobs.retention.interval:1h}")
    @SchedulerLock(name = REMOVE_PERSONAL_DATA, lockAtMostFor = "PT30M")
    JobRun removePersonalData() {
        return jobs.run(REMOVE_PERSONAL_DATA, OrdersFeatures.ORDERS_RETENTION_JOB, orders::removeExpiredPersonalData);
    }
}
