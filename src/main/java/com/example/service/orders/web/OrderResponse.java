package com.example.service.orders.web;

import com.example.service.orders.Order;
import com.example.service.orders.OrderLine;
import com.example.service.orders.OrderStatus;
import com.example.service.orders.ShippingAddress;
import com.example.service.platform.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it. */
record OrderResponse(
        UUID id,
        String customerId,
        @PersonalData @Nullable String email,
        @PersonalData @Nullable ShippingAddress shippingAddress,
        OrderStatus status,
        List<OrderLine> lines,
        Instant placedAt,
        @Nullable Instant cancelledAt,
        @Nullable Instant paidAt) {

    static OrderResponse of(Order order) {
        return new OrderResponse(
                order.getId(),
                order.getCustomerId(),
                order.getEmail(),
                order.getShippingAddress(),
                order.getStatus(),
                order.getLines(),
                order.getPlacedAt(),
                order.getCancelledAt(),
                order.getPaidAt());
    }

    @Override
    public String toString() {
        return "OrderResponse[id=" + id + ", status=" + status + ", personal data redacted]";
    }
}
