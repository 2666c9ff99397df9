/**
 * Shipping: requests a shipment for every paid order. Reacts to the orders module's {@code OrderPaid} inside the
 * service, through Modulith's event publication registry, and uses nothing of orders but its published events.
 */
@ApplicationModule(displayName = "Shipping")
@NullMarked
package com.example.service.shipping;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
