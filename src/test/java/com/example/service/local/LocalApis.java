package com.example.service.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a {@link LocalApi} for every consumed HTTP API whose folder has a {@code stub.properties}, before beans are
 * created, and points the property that file names ({@code base-url-property}) at it. A test that brings its own
 * server sets {@code local.apis.<api>.enabled=false}.
 */
final class LocalApis implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private final Map<String, LocalApi> started = new LinkedHashMap<>();
    private final Map<String, Object> baseUrls = new LinkedHashMap<>();
    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (Path folder : folders()) {
            String name = folder.getFileName().toString();
            if (!environment.getProperty("local.apis." + name + ".enabled", Boolean.class, true)) {
                continue;
            }
            LocalApi api = LocalApi.start(name);
            started.put(name, api);
            baseUrls.put(baseUrlProperty(folder), api.baseUrl());
        }
        environment.getPropertySources().addLast(new MapPropertySource("localApis", baseUrls));
    }

    /** Each stubbed API: its name and where it answers. */
    Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        started.forEach((name, api) -> urls.put(name, api.baseUrl()));
        return urls;
    }

    private static List<Path> folders() {
        if (!Files.isDirectory(LocalApi.CONSUMED)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(LocalApi.CONSUMED)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("stub.properties")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseUrlProperty(Path folder) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve("stub.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String property = properties.getProperty("base-url-property");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException(folder.resolve("stub.properties") + " names no base-url-property");
        }
        return property;
    }

    @Override
    public void destroy() {
        started.values().forEach(LocalApi::close);
    }
}
