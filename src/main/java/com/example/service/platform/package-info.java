/**
 * What every module shares, configured once: feature flags, problem details, security, observability, privacy and
 * API documentation. Modules may use any of it; it never depends on a module.
 */
@OwnedBy("@example/platform-team")
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
@NullMarked
package com.example.service.platform;

import com.example.service.platform.ownership.OwnedBy;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
