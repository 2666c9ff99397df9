package {{package}}.{{module}};

import static org.assertj.core.api.Assertions.assertThat;

import {{package}}.local.LocalInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The {{module}} module on its own (with the platform), on real PostgreSQL and Kafka: it starts without any other
 * domain module, and its settings bind. Module-level scenarios (Modulith's {@code Scenario}) go here.
 */
@ApplicationModuleTest
@Import(LocalInfrastructure.class)
class {{Module}}ModuleTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theModuleShouldStartOnItsOwnWithItsSettings() {
        assertThat(context.getBeansOfType({{Module}}Settings.class)).hasSize(1);
    }
}
