package com.example.service.shipping.jobs;

import com.example.service.platform.jobs.JobRun;
import com.example.service.platform.jobs.Jobs;
import com.example.service.shipping.ShipmentManagement;
import com.example.service.shipping.ShippingFeatures;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The shipping module's jobs: one instance at a time (ShedLock), only while the flag is on. */
@Component
class ShippingJobs {

    static final String BOOKING_RETRY = "shipping.booking-retry";

    private final Jobs jobs;
    private final ShipmentManagement shipments;

    ShippingJobs(Jobs jobs, ShipmentManagement shipments) {
        this.jobs = jobs;
        this.shipments = shipments;
    }

    @Scheduled(
            fixedDelayString = "${shipping.jobs.booking-retry.interval:30s}",
            initialDelayString = "${shipping.jobs.booking-retry.interval:30s}")
    @SchedulerLock(name = BOOKING_RETRY, lockAtMostFor = "PT10M")
    JobRun retryBookings() {
        return jobs.run(BOOKING_RETRY, ShippingFeatures.SHIPPING_BOOKING_RETRY_JOB, shipments::retryPendingBookings);
    }
}
