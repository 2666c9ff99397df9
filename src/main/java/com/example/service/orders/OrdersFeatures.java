package com.example.service.orders;

import org.togglz.core.Feature;
import org.togglz.core.annotation.Label;

/** The feature flags of the orders module. Every flag is off until someone switches it on. */
public enum OrdersFeatures implements Feature {
    @Label("Customers may cancel an order they placed (POST /api/orders/{id}/cancel)")
    ORDERS_CANCELLATION;

    /** Flag names as constants, for annotations. */
    public static final class Names {

        public static final String ORDERS_CANCELLATION = "ORDERS_CANCELLATION";

        private Names() {}
    }
}
