package com.example.service.orders;

import java.util.UUID;

/** A payment arrived for an order that can no longer be paid (it was cancelled): a person must refund it. */
public class OrderNotPayable extends RuntimeException {

    OrderNotPayable(UUID orderId, OrderStatus status) {
        super("Order " + orderId + " is " + status + " and cannot be paid");
    }
}
