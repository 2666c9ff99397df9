package com.example.service.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * What storing and reading an order publishes in the application: the aggregate's own events, and none of Spring Data's
 * per-entity lifecycle events (off in the platform: nothing listens, and each would pass the event multicaster).
 */
@IntegrationTest
class OrderPersistenceEventsIntegrationTests {

    @Autowired
    OrderManagement orders;

    @Autowired
    ConfigurableApplicationContext context;

    final List<Object> heard = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener =
            event -> heard.add(event instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : event);

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @Test
    void placingAndReadingAnOrderShouldPublishOrderPlacedAndNoEntityLifecycleEvent() {
        Order placed = orders.place(OrderFixtures.newOrder("persistence-events-customer"), null)
                .order();
        assertThat(orders.find(placed.getId())).isPresent();

        assertThat(heard)
                .filteredOn(OrderPlaced.class::isInstance)
                .singleElement()
                .extracting("orderId")
                .isEqualTo(placed.getId());
        assertThat(heard)
                .filteredOn(event -> event.getClass().getPackageName().startsWith("org.springframework.data"))
                .isEmpty();
    }
}
