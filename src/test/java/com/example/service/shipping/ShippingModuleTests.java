package com.example.service.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.local.LocalInfrastructure;
import com.example.service.orders.OrderFixtures;
import com.example.service.orders.OrderManagement;
import com.example.service.orders.OrderPaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The shipping module with only what it depends on (the orders API and the platform), on real PostgreSQL and Kafka and
 * the carrier's stubs: a paid order's shipment is booked, once.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@Import(LocalInfrastructure.class)
class ShippingModuleTests {

    @Autowired
    ShipmentManagement shipments;

    @Autowired
    OrderManagement orders;

    @Test
    void aPaidOrderShouldBeBookedWithTheCarrier(Scenario scenario) {
        UUID order = placeOrder();

        scenario.publish(paid(order))
                .andWaitForStateChange(
                        () -> shipments.find(order).filter(shipment -> shipment.status() == ShipmentStatus.BOOKED))
                .andVerify(booked -> assertThat(booked).hasValueSatisfying(shipment -> {
                    assertThat(shipment.carrierShipmentId()).isEqualTo("shp_7Hq2Lm9Xc4");
                    assertThat(shipment.trackingNumber()).isEqualTo("CR123456789GB");
                }));
    }

    @Test
    void theSameEventDeliveredAgainShouldNotBookTwice(Scenario scenario) {
        UUID order = placeOrder();
        OrderPaid paid = paid(order);
        scenario.publish(paid)
                .andWaitForStateChange(
                        () -> shipments.find(order).filter(shipment -> shipment.status() == ShipmentStatus.BOOKED))
                .andVerify(shipment -> assertThat(shipment).isPresent());

        shipments.on(paid);

        assertThat(shipments.find(order))
                .hasValueSatisfying(
                        shipment -> assertThat(shipment.bookingAttempts()).isEqualTo(1));
    }

    private UUID placeOrder() {
        return orders.place(OrderFixtures.newOrder("shipping-" + UUID.randomUUID()), null)
                .order()
                .getId();
    }

    private static OrderPaid paid(UUID order) {
        return new OrderPaid(UUID.randomUUID(), order, "pay-1", BigDecimal.TEN, "EUR", Instant.now());
    }
}
