package com.example.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.platform.ownership.OwnedBy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Ownership is stated twice, in the code ({@link OwnedBy} on each module's {@code package-info.java}) and in
 * {@code .github/CODEOWNERS} (which GitHub enforces on pull requests), and the two must agree: a new or renamed module
 * fails here until CODEOWNERS names its team for its code, tests and migrations.
 */
class OwnershipTests {

    static final Path CODEOWNERS = Path.of(".github/CODEOWNERS");
    static final String PACKAGE_PATH = ServiceApplication.class.getPackageName().replace('.', '/');
    static final Pattern MODULE_PATH = Pattern.compile("/src/(?:main|test)/java/" + Pattern.quote(PACKAGE_PATH)
            + "/([^/]+)/|/src/main/resources/db/migration/([^/]+)/");

    final ApplicationModules modules = ApplicationModules.of(ServiceApplication.class);
    final Map<String, String> owners = readCodeowners();

    @Test
    void everyModuleShouldNameItsOwner() {
        assertThat(modules.stream())
                .allSatisfy(module -> assertThat(ownerInCode(module))
                        .as("@OwnedBy on %s's package-info.java", module.getIdentifier())
                        .isNotBlank());
    }

    @Test
    void codeownersShouldGiveEachModuleToTheTeamItsCodeNames() {
        assertThat(modules.stream()).allSatisfy(module -> {
            String id = module.getIdentifier().toString();
            String team = ownerInCode(module);
            for (String path : pathsOf(id)) {
                assertThat(owners.get(path))
                        .as("CODEOWNERS line for %s (module %s is @OwnedBy(\"%s\"))", path, id, team)
                        .isEqualTo(team);
            }
        });
    }

    @Test
    void codeownersShouldNameNoModuleThatDoesNotExist() {
        List<String> identifiers = modules.stream()
                .map(module -> module.getIdentifier().toString())
                .toList();
        assertThat(owners.keySet()).allSatisfy(path -> {
            Matcher matcher = MODULE_PATH.matcher(path);
            if (matcher.matches()) {
                String module = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                assertThat(identifiers)
                        .as("CODEOWNERS names %s, but there is no module %s (renamed or removed?)", path, module)
                        .contains(module);
            }
        });
    }

    @Test
    void theBuildAndTheContractsShouldHaveOwners() {
        assertThat(owners).containsKeys("*", "/pom.xml", "/.github/", "/contracts/");
    }

    private List<String> pathsOf(String module) {
        return List.of(
                "/src/main/java/" + PACKAGE_PATH + "/" + module + "/",
                "/src/test/java/" + PACKAGE_PATH + "/" + module + "/",
                "/src/main/resources/db/migration/" + module + "/");
    }

    private static String ownerInCode(ApplicationModule module) {
        try {
            Class<?> info = Class.forName(module.getBasePackage().getName() + ".package-info");
            OwnedBy owner = info.getAnnotation(OwnedBy.class);
            return owner == null ? "" : owner.value();
        } catch (ClassNotFoundException noPackageInfo) {
            return "";
        }
    }

    private static Map<String, String> readCodeowners() {
        try {
            Map<String, String> owners = new LinkedHashMap<>();
            for (String line : Files.readAllLines(CODEOWNERS)) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s+");
                owners.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
            return owners;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CODEOWNERS, e);
        }
    }
}
