package com.example.service.shipping.carrier;

import com.example.service.platform.privacy.PersonalData;

/**
 * A shipment to book: {@code reference} is ours (the order id) and doubles as the idempotency key, so that a retried
 * booking never books twice.
 */
public record BookingRequest(String reference, @PersonalData Recipient recipient) {

    /** Where the parcel goes; personal data, sent to the carrier and nowhere else. */
    public record Recipient(
            @PersonalData String name,
            @PersonalData String line1,
            @PersonalData String city,
            @PersonalData String postalCode,
            String country) {

        @Override
        public String toString() {
            return "Recipient[country=" + country + ", rest redacted]";
        }
    }

    @Override
    public String toString() {
        return "BookingRequest[reference=" + reference + ", recipient redacted]";
    }
}
