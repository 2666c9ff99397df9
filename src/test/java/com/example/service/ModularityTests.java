package com.example.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure: Modulith's rules, the platform's place beneath the modules, and the committed diagram. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(ServiceApplication.class);
    static final Path COMMITTED_DIAGRAM = Path.of("docs/architecture/modules.puml");

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
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackagesOf(ServiceApplication.class));
    }

    @Test
    void rootPackageShouldHoldOnlyTheApplicationAndModules() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .as("modules (direct sub-packages of the base package)")
                .doesNotContain("controller", "controllers", "service", "services", "repository", "repositories")
                .contains("orders", "platform");
    }

    @Test
    void committedModuleDiagramShouldMatchTheCode() throws IOException {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, output.toString()).writeModulesAsPlantUml();
        Path generated = output.resolve("components.puml");

        assertThat(COMMITTED_DIAGRAM)
                .as("docs/architecture/modules.puml is stale: copy %s over it", generated)
                .exists()
                .hasContent(Files.readString(generated));
    }
}
