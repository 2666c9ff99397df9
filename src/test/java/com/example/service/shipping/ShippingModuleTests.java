package com.example.service.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.local.LocalInfrastructure;
import com.example.service.orders.OrderPaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The shipping module on its own (with the platform it shares, not the orders module), on real PostgreSQL and Kafka:
 * it needs nothing of orders but the {@link OrderPaid} event it reacts to.
 */
@ApplicationModuleTest
@Import(LocalInfrastructure.class)
class ShippingModuleTests {

    @Autowired
    ShipmentManagement shipments;

    @Test
    void aPaidOrderShouldGetOneShipmentRequest(Scenario scenario) {
        UUID order = UUID.randomUUID();
        OrderPaid paid = new OrderPaid(UUID.randomUUID(), order, "pay-1", BigDecimal.TEN, "EUR", Instant.now());

        scenario.publish(paid)
                .andWaitForStateChange(() -> shipments.find(order))
                .andVerify(request -> assertThat(request)
                        .hasValueSatisfying(
                                shipment -> assertThat(shipment.status()).isEqualTo(ShipmentStatus.REQUESTED)));
    }

    @Test
    void theSameEventDeliveredAgainShouldNotRequestASecondShipment(Scenario scenario) {
        UUID order = UUID.randomUUID();
        OrderPaid paid = new OrderPaid(UUID.randomUUID(), order, "pay-1", BigDecimal.TEN, "EUR", Instant.now());
        scenario.publish(paid).andWaitForStateChange(() -> shipments.find(order));
        Instant first = shipments.find(order).orElseThrow().requestedAt();

        shipments.on(paid);

        assertThat(shipments.find(order))
                .hasValueSatisfying(
                        shipment -> assertThat(shipment.requestedAt()).isEqualTo(first));
    }
}
