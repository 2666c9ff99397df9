package com.example.service.orders;

import com.example.service.platform.messaging.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order was cancelled. Published to {@value #TOPIC}; schema
 * {@code contracts/events/published/orders.order-cancelled.v1.schema.json}.
 */
@Externalized(OrderCancelled.TOPIC)
public record OrderCancelled(UUID eventId, UUID orderId, Reason reason, Instant cancelledAt)
        implements IntegrationEvent {

    public static final String TOPIC = "orders.order-cancelled.v1";

    /** Why the order was cancelled. */
    public enum Reason {
        /** The customer asked for it through the API. */
        CUSTOMER_REQUEST,
        /** It stayed unpaid longer than the service waits ({@code orders.jobs.expiry.unpaid-for}). */
        EXPIRED
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
