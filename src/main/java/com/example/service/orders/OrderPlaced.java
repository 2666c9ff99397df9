package com.example.service.orders;

import com.example.service.platform.messaging.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order was placed. Published to {@value #TOPIC}; schema {@code contracts/events/published/orders.order-placed.v1.schema.json}.
 * No personal data: the customer id, not the email or address.
 */
@Externalized(OrderPlaced.TOPIC)
public record OrderPlaced(UUID eventId, UUID orderId, String customerId, List<Line> lines, Instant placedAt)
        implements IntegrationEvent {

    public static final String TOPIC = "orders.order-placed.v1";

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    /** One product and how many of it. */
    public record Line(String sku, int quantity) {}

    @Override
    public Instant occurredAt() {
        return placedAt;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
