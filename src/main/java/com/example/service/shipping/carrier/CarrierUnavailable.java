package com.example.service.shipping.carrier;

/**
 * The carrier could not be asked or did not answer well: a timeout, a dropped connection, a 5xx, a 429, an open circuit
 * breaker or a full bulkhead. Worth trying again later; the shipment waits.
 */
public class CarrierUnavailable extends RuntimeException {

    CarrierUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
