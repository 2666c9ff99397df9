package com.example.service.shipping.carrier;

/** The carrier refused the booking (a 4xx other than 429): trying again will not help; a person must look. */
public class CarrierRejected extends RuntimeException {

    private final int status;

    CarrierRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
