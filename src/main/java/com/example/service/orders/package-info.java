/** Orders: customers place, read and cancel orders. Owns the {@code /api/orders} API and the orders tables. */
@ApplicationModule(displayName = "Orders")
@NullMarked
package com.example.service.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
