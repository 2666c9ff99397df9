/**
 * Shipping: books a shipment with the carrier for every paid order. Reacts to the orders module's {@code OrderPaid}
 * inside the service and reads the address through {@code OrderManagement}; uses nothing else of orders.
 */
@OwnedBy("@example/shipping-team")
@ApplicationModule(displayName = "Shipping")
@NullMarked
package com.example.service.shipping;

import com.example.service.platform.ownership.OwnedBy;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
