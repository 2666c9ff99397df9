package com.example.service.shipping;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A shipment for a paid order, one per order. */
public record Shipment(
        UUID orderId,
        ShipmentStatus status,
        Instant requestedAt,
        int bookingAttempts,
        @Nullable Instant lastAttemptAt,
        @Nullable String carrierShipmentId,
        @Nullable String trackingNumber,
        @Nullable Instant bookedAt,
        @Nullable String rejection) {}
