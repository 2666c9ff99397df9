package com.example.service.orders;

import org.togglz.core.Feature;
import org.togglz.core.annotation.Label;

/** The feature flags of the orders module. Every flag is off until someone switches it on. */
public enum OrdersFeatures implements Feature {
    @Label("Customers may cancel an order they placed (POST /api/orders/{id}/cancel)")
    ORDERS_CANCELLATION,

    @Label("Job: cancel orders left unpaid too long (kill switch: off stops it)")
    ORDERS_EXPIRY_JOB,

    @Label("Job: remove the personal data of orders closed longer than the retention period (kill switch)")
    ORDERS_RETENTION_JOB,
    ; // scaffold:flags (./scaffold adds each new flag above this line)

    /** Flag names as constants, for annotations. */
    public static final class Names {

        public static final String ORDERS_CANCELLATION = "ORDERS_CANCELLATION";
        public static final String ORDERS_EXPIRY_JOB = "ORDERS_EXPIRY_JOB";
        public static final String ORDERS_RETENTION_JOB = "ORDERS_RETENTION_JOB";
        // scaffold:flag-names

        private Names() {}
    }
}
