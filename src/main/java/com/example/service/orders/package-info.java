/** Orders: customers place, read and cancel orders. Owns the {@code /api/orders} API and the orders tables. */
@OwnedBy("@example/orders-team")
@ApplicationModule(displayName = "Orders")
@NullMarked
package com.example.service.orders;

import com.example.service.platform.ownership.OwnedBy;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
