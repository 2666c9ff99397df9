package {{package}}.{{module}};

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {{module}} module's settings ({@code {{module}}.*}): one component per setting, with {@code @DefaultValue} and
 * its validation, as {@code ShippingSettings} shows. Job intervals are {@code @Scheduled} placeholders instead.
 */
@ConfigurationProperties("{{module}}")
@Validated
record {{Module}}Settings() {}
