package com.example.service.orders;

import java.util.UUID;

/** The order is past the point where it can be cancelled. */
public class OrderNotCancellable extends RuntimeException {

    private final OrderStatus status;

    OrderNotCancellable(UUID orderId, OrderStatus status) {
        super("Order " + orderId + " is " + status + " and can no longer be cancelled");
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
