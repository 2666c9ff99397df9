package com.example.service.orders.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The payments team's event {@value #TOPIC}, as their schema defines it
 * ({@code contracts/events/consumed/payments.payment-captured.v1.schema.json}, owned by the payments team).
 */
record PaymentCaptured(UUID orderId, String paymentId, BigDecimal amount, String currency, Instant capturedAt) {

    static final String TOPIC = "payments.payment-captured.v1";
}
