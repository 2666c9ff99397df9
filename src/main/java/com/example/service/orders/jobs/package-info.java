/** The orders module's scheduled jobs: thin triggers over {@code OrderManagement}'s plain methods. */
@NullMarked
package com.example.service.orders.jobs;

import org.jspecify.annotations.NullMarked;
