package com.example.service.shipping;

import com.example.service.platform.messaging.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A paid order's shipment was booked with the carrier. Published to {@value #TOPIC}; schema
 * {@code contracts/events/published/shipping.shipment-booked.v1.schema.json}. No personal data.
 */
@Externalized(ShipmentBooked.TOPIC)
public record ShipmentBooked(
        UUID eventId, UUID orderId, String carrierShipmentId, String trackingNumber, Instant bookedAt)
        implements IntegrationEvent {

    public static final String TOPIC = "shipping.shipment-booked.v1";

    @Override
    public Instant occurredAt() {
        return bookedAt;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
