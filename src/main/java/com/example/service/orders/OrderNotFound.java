package com.example.service.orders;

import java.util.UUID;

/** No order has the id the caller gave. */
public class OrderNotFound extends RuntimeException {

    private final UUID orderId;

    public OrderNotFound(UUID orderId) {
        super("No order " + orderId);
        this.orderId = orderId;
    }

    public UUID orderId() {
        return orderId;
    }
}
