package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewOrderTests {

    private final NewOrder order = OrderFixtures.newOrder("customer-1");

    @Test
    void fingerprintWhenRequestsAreEqualShouldBeEqual() {
        assertThat(order.fingerprint())
                .isEqualTo(OrderFixtures.newOrder("customer-1").fingerprint());
    }

    @Test
    void fingerprintWhenAnythingDiffersShouldDiffer() {
        ShippingAddress address = order.shippingAddress();
        List<NewOrder> variants = List.of(
                new NewOrder("customer-2", order.email(), address, order.lines()),
                new NewOrder(order.customerId(), "grace@example.com", address, order.lines()),
                new NewOrder(
                        order.customerId(),
                        order.email(),
                        new ShippingAddress(
                                address.name(), address.line1(), address.city(), address.postalCode(), "IE"),
                        order.lines()),
                new NewOrder(order.customerId(), order.email(), address, List.of(new OrderLine("SKU-1", 3))),
                new NewOrder(
                        order.customerId(),
                        order.email(),
                        address,
                        List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1))));

        assertThat(variants)
                .extracting(NewOrder::fingerprint)
                .doesNotContain(order.fingerprint())
                .doesNotHaveDuplicates();
    }

    @Test
    void fingerprintShouldNotBeFooledByFieldsRunningIntoEachOther() {
        NewOrder a = new NewOrder("ab", "c@example.com", order.shippingAddress(), order.lines());
        NewOrder b = new NewOrder("a", "bc@example.com", order.shippingAddress(), order.lines());

        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
    }

    @Test
    void toStringShouldLeaveOutPersonalData() {
        assertThat(order.toString()).contains("customer-1").doesNotContain("ada@example.com", "Lovelace", "London");
    }
}
