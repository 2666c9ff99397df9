package com.example.service.shipping;

/** Where a shipment is in its life. */
public enum ShipmentStatus {
    /** Recorded for a paid order; the carrier has not booked it yet (it may be down). The retry job tries again. */
    PENDING_BOOKING,
    /** Booked with the carrier: it has a tracking number. */
    BOOKED,
    /** The carrier refused it, or it cannot be booked (no address): a person must look. */
    REJECTED
}
