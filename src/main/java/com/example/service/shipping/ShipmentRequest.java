package com.example.service.shipping;

import java.time.Instant;
import java.util.UUID;

/** A shipment to be made for a paid order. */
public record ShipmentRequest(UUID orderId, ShipmentStatus status, Instant requestedAt) {}
