package com.example.service.shipping;

/** Where a shipment is in its life. */
public enum ShipmentStatus {
    /** Recorded for a paid order; not yet booked with a carrier. */
    REQUESTED
}
