package com.example.service.platform;

import com.example.service.platform.flags.FeatureGateWebConfiguration;
import com.example.service.platform.security.SecurityConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice with the platform's real security, feature gates and problem details, and in-memory flag state: the
 * controllers named, nothing else of the application. Authenticate requests with Spring Security's {@code jwt()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({SecurityConfiguration.class, FeatureGateWebConfiguration.class, WebSliceSupport.class})
public @interface PlatformWebTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
