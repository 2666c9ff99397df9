package com.example.service.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.IntegrationTest;
import com.example.service.ServiceApplication;
import com.example.service.platform.flags.Ungated;
import com.example.service.platform.security.Caller;
import com.example.service.platform.security.NotOwned;
import com.example.service.platform.security.OwnerScoped;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.spring.web.FeaturesAreActive;

/**
 * House rules for every HTTP endpoint the service (and its local run) maps: each has an authorization rule and either
 * a feature flag or a written reason to be ungated, every flag exists and is registered, and each one that takes a
 * resource id says who may see the resource (object-level authorization: {@code @OwnerScoped} with a {@code Caller},
 * or {@code @NotOwned(reason)}).
 */
@IntegrationTest
class EndpointConventionTests {

    private static final String BASE_PACKAGE = ServiceApplication.class.getPackageName();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    FeatureManager features;

    @Test
    void theServiceShouldMapEndpoints() {
        assertThat(endpoints()).isNotEmpty();
    }

    @Test
    void everyEndpointShouldHaveAFlagOrAWrittenReasonToBeUngated() {
        assertThat(endpoints().entrySet())
                .filteredOn(endpoint -> gate(endpoint.getValue()) == null && ungated(endpoint.getValue()) == null)
                .extracting(endpoint -> endpoint.getKey().toString())
                .as("endpoints with neither @FeaturesAreActive nor @Ungated(reason)")
                .isEmpty();
        assertThat(endpoints().values())
                .extracting(EndpointConventionTests::ungated)
                .filteredOn(ungated -> ungated != null)
                .allSatisfy(ungated ->
                        assertThat(ungated.reason()).as("@Ungated reason").hasSizeGreaterThan(10));
    }

    @Test
    void everyFlagThatGatesAnEndpointShouldExist() {
        Set<String> known = features.getFeatures().stream().map(Feature::name).collect(Collectors.toSet());

        assertThat(endpoints().values())
                .extracting(EndpointConventionTests::gate)
                .filteredOn(gate -> gate != null)
                .flatExtracting(gate -> List.of(gate.features()))
                .as("flags named by @FeaturesAreActive")
                .isSubsetOf(known);
    }

    @Test
    void everyEndpointShouldHaveAnAuthorizationRule() {
        assertThat(endpoints().entrySet())
                .filteredOn(endpoint -> authorization(endpoint.getValue()) == null)
                .extracting(endpoint -> endpoint.getKey().toString())
                .as("endpoints without @PreAuthorize on the method or its controller")
                .isEmpty();
    }

    @Test
    void everyEndpointThatTakesAResourceIdShouldSayWhoMaySeeIt() {
        assertThat(endpoints().entrySet())
                .filteredOn(endpoint -> takesAnId(endpoint.getValue())
                        && find(endpoint.getValue(), OwnerScoped.class) == null
                        && find(endpoint.getValue(), NotOwned.class) == null)
                .extracting(endpoint -> endpoint.getKey().toString())
                .as("endpoints taking a path variable with neither @OwnerScoped nor @NotOwned(reason)")
                .isEmpty();
        assertThat(endpoints().values())
                .extracting(handler -> find(handler, NotOwned.class))
                .filteredOn(notOwned -> notOwned != null)
                .allSatisfy(notOwned ->
                        assertThat(notOwned.reason()).as("@NotOwned reason").hasSizeGreaterThan(10));
        assertThat(endpoints().entrySet())
                .filteredOn(endpoint -> find(endpoint.getValue(), OwnerScoped.class) != null)
                .filteredOn(endpoint -> Stream.of(endpoint.getValue().getMethodParameters())
                        .noneMatch(parameter -> parameter.getParameterType() == Caller.class))
                .extracting(endpoint -> endpoint.getKey().toString())
                .as("@OwnerScoped endpoints without a Caller parameter to decide with")
                .isEmpty();
    }

    @Test
    void everyFeatureEnumInTheCodeShouldBeRegistered() {
        Set<String> registered = features.getFeatures().stream()
                .map(feature -> feature.getClass().getName())
                .collect(Collectors.toSet());

        List<String> declared = new ClassFileImporter()
                .importPackages(BASE_PACKAGE).stream()
                        .filter(type -> type.isEnum() && type.isAssignableTo(Feature.class))
                        .map(JavaClass::getName)
                        .toList();

        assertThat(declared).isNotEmpty();
        assertThat(registered).as("enums listed in togglz.feature-enums").containsAll(declared);
    }

    @Test
    void everyFlagShouldBeOffByDefault() {
        assertThat(features.getFeatures())
                .filteredOn(feature ->
                        features.getMetaData(feature).getDefaultFeatureState().isEnabled())
                .as("flags enabled by default")
                .isEmpty();
    }

    private Map<RequestMappingInfo, HandlerMethod> endpoints() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getName().startsWith(BASE_PACKAGE + "."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean takesAnId(HandlerMethod handler) {
        return Stream.of(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
    }

    private static FeaturesAreActive gate(HandlerMethod handler) {
        return find(handler, FeaturesAreActive.class);
    }

    private static Ungated ungated(HandlerMethod handler) {
        return find(handler, Ungated.class);
    }

    private static PreAuthorize authorization(HandlerMethod handler) {
        return find(handler, PreAuthorize.class);
    }

    private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
