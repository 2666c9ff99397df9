package com.example.service.orders;

import com.example.service.platform.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** What a customer asks for when placing an order. */
public record NewOrder(
        String customerId,
        @PersonalData String email,
        @PersonalData ShippingAddress shippingAddress,
        List<OrderLine> lines) {

    public NewOrder {
        lines = List.copyOf(lines);
    }

    /** A digest of everything the customer asked for: equal requests, equal fingerprints. */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(customerId)
                .append('\u0000')
                .append(email)
                .append('\u0000')
                .append(shippingAddress.name())
                .append('\u0000')
                .append(shippingAddress.line1())
                .append('\u0000')
                .append(shippingAddress.city())
                .append('\u0000')
                .append(shippingAddress.postalCode())
                .append('\u0000')
                .append(shippingAddress.country());
        lines.forEach(line ->
                canonical.append('\u0000').append(line.sku()).append('\u0001').append(line.quantity()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "NewOrder[customerId=" + customerId + ", lines=" + lines + ", personal data redacted]";
    }
}
