package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class OrderTests {

    @Test
    void placeShouldStartPlacedWithTheRequestedLines() {
        Order order = Order.place(OrderFixtures.newOrder("customer-1"), OrderFixtures.NOW);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PLACED);
        assertThat(order.getLines()).containsExactly(new OrderLine("SKU-1", 2));
        assertThat(order.getPlacedAt()).isEqualTo(OrderFixtures.NOW);
        assertThat(order.getCancelledAt()).isNull();
    }

    @Test
    void placeShouldKeepTimesToTheMicrosecondAsTheDatabaseDoes() {
        Order order = Order.place(OrderFixtures.newOrder("customer-1"), OrderFixtures.NOW.plusNanos(123_456_789));

        assertThat(order.getPlacedAt()).isEqualTo(OrderFixtures.NOW.plusNanos(123_456_000));
        assertThat(order.getPlacedAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(order.getPlacedAt());
    }

    @Test
    void cancelWhenPlacedShouldCancelAndRecordWhen() {
        Order order = OrderFixtures.placedOrder();

        order.cancel(OrderFixtures.NOW.plusSeconds(5));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.getCancelledAt()).isEqualTo(OrderFixtures.NOW.plusSeconds(5));
    }

    @Test
    void cancelWhenAlreadyCancelledShouldRefuseAndNameTheStatus() {
        Order order = OrderFixtures.cancelledOrder();

        assertThatExceptionOfType(OrderNotCancellable.class)
                .isThrownBy(() -> order.cancel(OrderFixtures.NOW.plusSeconds(120)))
                .satisfies(ex -> assertThat(ex.status()).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void toStringShouldLeaveOutPersonalData() {
        Order order = OrderFixtures.placedOrder();

        assertThat(order.toString()).contains(order.getId().toString()).doesNotContain("ada@example.com", "Lovelace");
        assertThat(order.getShippingAddress().toString()).doesNotContain("Lovelace", "London", "SW1Y");
    }

    @Test
    void placeShouldRegisterOrderPlacedWithoutPersonalData() {
        Order order = OrderFixtures.placedOrder();

        assertThat(events(order)).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
            assertThat(placed.orderId()).isEqualTo(order.getId());
            assertThat(placed.customerId()).isEqualTo(order.getCustomerId());
            assertThat(placed.lines()).containsExactly(new OrderPlaced.Line("SKU-1", 2));
            assertThat(placed.toString()).doesNotContain("ada@example.com", "Lovelace");
        });
    }

    @Test
    void payWhenPlacedShouldMarkPaidAndRegisterOrderPaid() {
        Order order = OrderFixtures.placedOrder();
        Payment payment = new Payment("pay-1", new BigDecimal("42.50"), "EUR", OrderFixtures.NOW.plusSeconds(30));

        assertThat(order.pay(payment)).isTrue();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(order.getPaymentId()).isEqualTo("pay-1");
        assertThat(order.getPaidAt()).isEqualTo(OrderFixtures.NOW.plusSeconds(30));
        assertThat(events(order)).last().isInstanceOfSatisfying(OrderPaid.class, paid -> {
            assertThat(paid.orderId()).isEqualTo(order.getId());
            assertThat(paid.amount()).isEqualByComparingTo("42.50");
            assertThat(paid.occurredAt()).isEqualTo(order.getPaidAt());
            assertThat(paid.subject()).isEqualTo(order.getId().toString());
        });
    }

    @Test
    void payWhenPaidAlreadyShouldChangeNothing() {
        Order order = OrderFixtures.placedOrder();
        Payment payment = new Payment("pay-1", BigDecimal.TEN, "EUR", OrderFixtures.NOW);
        order.pay(payment);
        int registered = events(order).size();

        assertThat(order.pay(new Payment("pay-2", BigDecimal.ONE, "EUR", OrderFixtures.NOW.plusSeconds(9))))
                .isFalse();

        assertThat(order.getPaymentId()).isEqualTo("pay-1");
        assertThat(events(order)).hasSize(registered);
    }

    @Test
    void payWhenCancelledShouldRefuse() {
        Order order = OrderFixtures.cancelledOrder();

        assertThatExceptionOfType(OrderNotPayable.class)
                .isThrownBy(() -> order.pay(new Payment("pay-1", BigDecimal.TEN, "EUR", OrderFixtures.NOW)))
                .withMessageContaining("CANCELLED");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void cancelShouldRegisterOrderCancelledForTheCustomersRequest() {
        Order order = OrderFixtures.cancelledOrder();

        assertThat(events(order)).last().isInstanceOfSatisfying(OrderCancelled.class, cancelled -> {
            assertThat(cancelled.reason()).isEqualTo(OrderCancelled.Reason.CUSTOMER_REQUEST);
            assertThat(cancelled.cancelledAt()).isEqualTo(order.getCancelledAt());
        });
    }

    /** What the repository publishes when it saves the order. */
    private static List<Object> events(Order order) {
        return List.copyOf((java.util.Collection<?>) ReflectionTestUtils.invokeMethod(order, "domainEvents"));
    }
}
