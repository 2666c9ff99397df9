/** The shipping module's scheduled jobs: thin triggers over {@code ShipmentManagement}'s plain methods. */
@NullMarked
package com.example.service.shipping.jobs;

import org.jspecify.annotations.NullMarked;
