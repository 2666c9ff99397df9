package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

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
}
