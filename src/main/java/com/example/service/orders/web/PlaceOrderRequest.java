package com.example.service.orders.web;

import com.example.service.orders.NewOrder;
import com.example.service.orders.OrderLine;
import com.example.service.orders.ShippingAddress;
import com.example.service.platform.privacy.PersonalData;
import com.example.service.platform.validation.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. */
record PlaceOrderRequest(
        @NotBlank @Size(max = 100) String customerId,
        @PersonalData @NotBlank @Email @Size(max = 320) String email,
        @PersonalData @NotNull @Valid Address shippingAddress,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Line> lines) {

    record Address(
            @PersonalData @NotBlank @Size(max = 200) String name,
            @PersonalData @NotBlank @Size(max = 200) String line1,
            @PersonalData @NotBlank @Size(max = 100) String city,
            @PersonalData @NotBlank @Size(max = 20) String postalCode,
            @NotNull @CountryCode String country) {

        @Override
        public String toString() {
            return "Address[country=" + country + ", rest redacted]";
        }
    }

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Min(1) @Max(1000) Integer quantity) {}

    NewOrder toNewOrder() {
        return new NewOrder(
                customerId,
                email,
                new ShippingAddress(
                        shippingAddress.name(),
                        shippingAddress.line1(),
                        shippingAddress.city(),
                        shippingAddress.postalCode(),
                        shippingAddress.country()),
                lines.stream()
                        .map(line -> new OrderLine(line.sku(), line.quantity()))
                        .toList());
    }

    @Override
    public String toString() {
        return "PlaceOrderRequest[customerId=" + customerId + ", lines=" + lines + ", personal data redacted]";
    }
}
