package com.example.service.orders;

/** The order a placement request led to, and whether this request created it or repeated an earlier one. */
public record Placement(Order order, boolean created) {}
