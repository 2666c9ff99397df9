package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings records' Javadoc reaches IDEs: Spring Boot's configuration processor turns each record component's
 * {@code @param} into the description of its property in {@code META-INF/spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void everySettingOfTheServiceShouldBeDescribedInTheConfigurationMetadata() throws IOException {
        JsonNode metadata = metadata();

        assertThat(settingsRecords()).isNotEmpty().allSatisfy(settings -> {
            String prefix = prefixOf(settings);
            List<JsonNode> properties = metadata.path("properties")
                    .valueStream()
                    .filter(property -> property.path("name").asString().startsWith(prefix + "."))
                    .toList();
            if (settings.getRecordComponents().length > 0) {
                assertThat(properties)
                        .as("%s has settings, but the metadata has none under %s", settings.getSimpleName(), prefix)
                        .isNotEmpty();
            }
            assertThat(properties)
                    .as(
                            "settings of %s without a description: give each component an @param in its Javadoc",
                            settings.getSimpleName())
                    .allSatisfy(
                            property -> assertThat(property.path("description").asString(""))
                                    .as(property.path("name").asString())
                                    .isNotBlank());
        });
    }

    /** A property of the record itself or of one of the records nested in it. */
    private static boolean declaredBy(JsonNode property, Class<?> settings) {
        String source = property.path("sourceType").asString("");
        return source.equals(settings.getName()) || source.startsWith(settings.getName() + "$");
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream json =
                ConfigurationMetadataTests.class.getClassLoader().getResourceAsStream(METADATA)) {
            assertThat(json)
                    .as("%s is missing: the configuration processor did not run", METADATA)
                    .isNotNull();
            return JsonMapper.shared().readTree(json);
        }
    }

    private static List<Class<?>> settingsRecords() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents(ServiceApplication.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .map(name -> ClassUtils.resolveClassName(Objects.requireNonNull(name), null))
                .filter(Class::isRecord)
                .<Class<?>>map(type -> type)
                .toList();
    }

    private static String prefixOf(Class<?> settings) {
        ConfigurationProperties properties = MergedAnnotations.from(settings)
                .get(ConfigurationProperties.class)
                .synthesize();
        return properties.prefix();
    }
}
