package com.example.service.shipping.carrier;

/** The carrier's answer to a booking: its id of the shipment and the tracking number. */
public record CarrierBooking(String id, String trackingNumber) {}
