package com.example.service.orders;

import com.example.service.platform.privacy.PersonalData;

/** Where an order goes. Personal data: it never appears in logs, events or its own {@code toString()}. */
public record ShippingAddress(
        @PersonalData String name,
        @PersonalData String line1,
        @PersonalData String city,
        @PersonalData String postalCode,
        String country) {

    @Override
    public String toString() {
        return "ShippingAddress[country=" + country + ", rest redacted]";
    }
}
