/**
 * The client of the carrier's shipment API, coded against the contract the carrier team publishes
 * ({@code contracts/http/consumed/carrier/}), never against its internals. Internal to the shipping module.
 */
@NullMarked
package com.example.service.shipping.carrier;

import org.jspecify.annotations.NullMarked;
