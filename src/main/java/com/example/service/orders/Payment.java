package com.example.service.orders;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment the payments team captured for an order. */
public record Payment(String paymentId, BigDecimal amount, String currency, Instant capturedAt) {}
