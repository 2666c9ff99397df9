package com.example.service.orders;

import com.example.service.platform.messaging.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * An order was paid: the payments team captured its payment. Published to {@value #TOPIC} (schema
 * {@code contracts/events/published/orders.order-paid.v1.schema.json}); shipping reacts to it inside the service.
 */
@Externalized(OrderPaid.TOPIC)
public record OrderPaid(
        UUID eventId, UUID orderId, String paymentId, BigDecimal amount, String currency, Instant paidAt)
        implements IntegrationEvent {

    public static final String TOPIC = "orders.order-paid.v1";

    @Override
    public Instant occurredAt() {
        return paidAt;
    }

    @Override
    public String subject() {
        return orderId.toString();
    }
}
