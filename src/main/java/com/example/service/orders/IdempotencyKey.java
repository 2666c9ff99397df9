package com.example.service.orders;

/** A client-chosen key that makes a retried placement safe, scoped to the caller that sent it. */
public record IdempotencyKey(String caller, String value) {}
