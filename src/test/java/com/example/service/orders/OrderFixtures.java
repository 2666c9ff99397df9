package com.example.service.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders, requests and failures for tests, built the way the module builds them. */
public final class OrderFixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    private OrderFixtures() {}

    public static NewOrder newOrder(String customerId) {
        return new NewOrder(
                customerId,
                "ada@example.com",
                new ShippingAddress("Ada Lovelace", "12 St James's Square", "London", "SW1Y 4JH", "GB"),
                List.of(new OrderLine("SKU-1", 2)));
    }

    public static Order placedOrder() {
        return Order.place(newOrder("customer-1"), NOW);
    }

    public static Order cancelledOrder() {
        Order order = placedOrder();
        order.cancel(NOW.plusSeconds(60));
        return order;
    }

    public static IdempotencyKeyReused idempotencyKeyReused() {
        return new IdempotencyKeyReused();
    }

    public static OrderNotCancellable notCancellable(UUID id) {
        return new OrderNotCancellable(id, OrderStatus.CANCELLED);
    }

    /** A valid {@code POST /api/orders} body for the given customer. */
    public static String validRequestJson(String customerId) {
        return """
                {"customerId": "%s", "email": "ada@example.com",
                 "shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
                                     "postalCode": "SW1Y 4JH", "country": "GB"},
                 "lines": [{"sku": "SKU-1", "quantity": 2}]}
                """.formatted(customerId);
    }

    public static String validRequestJson() {
        return validRequestJson("customer-1");
    }
}
