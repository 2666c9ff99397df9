package com.example.service.shipping;

import org.togglz.core.Feature;
import org.togglz.core.annotation.Label;

/** The feature flags of the shipping module. Every flag is off until someone switches it on. */
public enum ShippingFeatures implements Feature {
    @Label("Job: book shipments still pending with the carrier (kill switch: off stops it)")
    SHIPPING_BOOKING_RETRY_JOB,
    ; // scaffold:flags (./scaffold adds each new flag above this line)

    /** Flag names as constants, for annotations. */
    public static final class Names {

        public static final String SHIPPING_BOOKING_RETRY_JOB = "SHIPPING_BOOKING_RETRY_JOB";
        // scaffold:flag-names

        private Names() {}
    }
}
