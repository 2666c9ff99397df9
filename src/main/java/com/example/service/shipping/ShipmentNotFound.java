package com.example.service.shipping;

import java.util.UUID;

/** No shipment was recorded for the order (it is not paid, or not known). */
public class ShipmentNotFound extends RuntimeException {

    ShipmentNotFound(UUID orderId) {
        super("No shipment for order " + orderId);
    }
}
