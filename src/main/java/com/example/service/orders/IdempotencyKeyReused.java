package com.example.service.orders;

/** An idempotency key came back with a different request than the one it was first used for. */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was already used with a different request");
    }
}
