package com.example.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.platform.flags.FeatureGateWebConfiguration;
import com.example.service.platform.security.SecurityConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.util.ApplicationModulesExporter;
import org.springframework.modulith.docs.Documenter;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structure: Modulith's rules, the platform beneath the modules, package-private adapters, typed settings,
 * module-owned migrations, and the committed module diagram.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(ServiceApplication.class);
    static final Path COMMITTED_DIAGRAM = Path.of("docs/architecture/modules.puml");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(ServiceApplication.class);

    /** Configuration classes, except those that web slice tests import (and so must see). */
    static final DescribedPredicate<JavaClass> CONFIGURATION_NOT_FOR_SLICE_TESTS = DescribedPredicate.describe(
            "are @Configuration classes not imported by @PlatformWebTest",
            type -> type.isAnnotatedWith(Configuration.class)
                    && !type.isEquivalentTo(SecurityConfiguration.class)
                    && !type.isEquivalentTo(FeatureGateWebConfiguration.class));

    @Test
    void modulesShouldOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void platformShouldDependOnNoModule() {
        String[] domainModules = modules.stream()
                .map(ApplicationModule::getBasePackage)
                .map(pkg -> pkg.getName())
                .filter(name -> !name.endsWith(".platform"))
                .map(name -> name + "..")
                .toArray(String[]::new);

        noClasses()
                .that()
                .resideInAPackage("..platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(domainModules)
                .check(MAIN_CLASSES);
    }

    @Test
    void rootPackageShouldHoldOnlyTheApplicationAndModules() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .as("modules (direct sub-packages of the base package)")
                .doesNotContain("controller", "controllers", "service", "services", "repository", "repositories")
                .contains("platform");
    }

    @Test
    void webAdaptersRepositoriesAndConfigurationShouldBePackagePrivate() {
        classes()
                .that()
                .resideInAPackage("..web..")
                .or()
                .areAssignableTo(Repository.class)
                .or(CONFIGURATION_NOT_FOR_SLICE_TESTS)
                .should()
                .notBePublic()
                .check(MAIN_CLASSES);
    }

    @Test
    void settingsShouldComeFromTypedPropertiesNotValueInjection() {
        noFields().should().beAnnotatedWith(Value.class).allowEmptyShould(true).check(MAIN_CLASSES);
        noCodeUnits()
                .should(new ArchCondition<>("take @Value parameters") {
                    @Override
                    public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                        codeUnit.getParameters().stream()
                                .filter(parameter -> parameter.isAnnotatedWith(Value.class))
                                .forEach(parameter -> events.add(SimpleConditionEvent.satisfied(
                                        codeUnit, codeUnit.getFullName() + " takes a @Value parameter")));
                    }
                })
                .check(MAIN_CLASSES);
    }

    @Test
    void namesShouldFollowTheHouseConventions() {
        noClasses()
                .that()
                .areAssignableTo(RuntimeException.class)
                .should()
                .haveSimpleNameEndingWith("Exception")
                .because("exceptions name the failure (OrderNotFound)")
                .check(MAIN_CLASSES);
        classes()
                .that()
                .areInterfaces()
                .and()
                .areAssignableTo(Repository.class)
                .should()
                .haveSimpleNameEndingWith("Repository")
                .allowEmptyShould(true) // a service may have no repository yet
                .check(MAIN_CLASSES);
        classes()
                .that(DescribedPredicate.describe(
                        "declare @Test methods",
                        type -> type.getMethods().stream()
                                .anyMatch(method -> method.isAnnotatedWith(Test.class)
                                        || method.isAnnotatedWith(ParameterizedTest.class))))
                .should()
                .haveSimpleNameEndingWith("Tests")
                .because("Surefire runs *Tests, and the house names tests <Subject>Tests")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                        .importPackagesOf(ServiceApplication.class));
    }

    @Test
    void modulesShouldPublishToKafkaOnlyThroughTheOutbox() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..platform..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
                .because("events leave through Modulith's outbox (@Externalized IntegrationEvent), not a direct send")
                .check(MAIN_CLASSES);
    }

    @Test
    void outboundCallsShouldTakeResilienceFromTheRegistriesNotTheAnnotations() {
        noCodeUnits()
                .should()
                .beAnnotatedWith("io.github.resilience4j.retry.annotation.Retry")
                .orShould()
                .beAnnotatedWith("io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker")
                .orShould()
                .beAnnotatedWith("io.github.resilience4j.bulkhead.annotation.Bulkhead")
                .because("without AspectJ (ADR 0008) the annotations do nothing: wrap the call in the instances from"
                        + " Resilience4j's registries, as CarrierClient does")
                .check(MAIN_CLASSES);
    }

    @Test
    void moduleJobsShouldRunOnOneInstanceAtATime() {
        methods()
                .that()
                .areAnnotatedWith(Scheduled.class)
                .and()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage("..platform..")
                .should()
                .beAnnotatedWith(SchedulerLock.class)
                .because(
                        "every replica runs @Scheduled methods; ShedLock lets one of them at a time (AGENTS.md, Adding a job)")
                .allowEmptyShould(true)
                .check(MAIN_CLASSES);
    }

    @Test
    void migrationsShouldSitInTheFolderOfTheModuleThatOwnsThem() throws IOException {
        List<String> identifiers = modules.stream()
                .map(module -> module.getIdentifier().toString())
                .toList();
        try (Stream<Path> folders = Files.list(MIGRATIONS)) {
            assertThat(folders.filter(Files::isDirectory)
                            .map(folder -> folder.getFileName().toString()))
                    .as("folders under %s: one per module, or __root", MIGRATIONS)
                    .allMatch(folder -> folder.equals("__root") || identifiers.contains(folder));
        }
        try (Stream<Path> loose = Files.list(MIGRATIONS)) {
            assertThat(loose.filter(Files::isRegularFile))
                    .as("migrations outside a module folder")
                    .isEmpty();
        }
    }

    @Test
    void moduleMetadataWrittenByTheBuildShouldListEveryModuleInDependencyOrder() throws IOException {
        var metadata = new ClassPathResource(ApplicationModulesExporter.DEFAULT_LOCATION);

        // The build (exec-maven-plugin, process-classes) writes it; the runtime reads it instead of scanning the
        // classes.
        assertThat(metadata.exists())
                .as("%s on the classpath", metadata.getPath())
                .isTrue();
        try (var in = metadata.getInputStream()) {
            assertThat(JsonMapper.shared().readTree(in).propertyNames())
                    .as("modules in %s", metadata.getPath())
                    .containsExactlyElementsOf(modules.stream()
                            .map(module -> module.getIdentifier().toString())
                            .toList());
        }
    }

    @Test
    void committedModuleDiagramShouldMatchTheCode() throws IOException {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml();
        Path generated = output.resolve("components.puml");

        // Line by line in any order: the Documenter does not write relations in a stable order.
        assertThat(COMMITTED_DIAGRAM)
                .as("docs/architecture/modules.puml is stale: copy %s over it", generated)
                .exists();
        assertThat(Files.readAllLines(COMMITTED_DIAGRAM))
                .as("docs/architecture/modules.puml is stale: copy %s over it", generated)
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
    }
}
