package com.example.service.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.service.ServiceApplication;
import com.example.service.platform.privacy.PersonalData;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Types that hold personal data keep it out of {@code toString()}, and so out of every log line that prints them.
 * Classes must declare their own {@code toString()}; records (whose generated one prints every component) are built
 * with canary values and their {@code toString()} must show none of the personal ones.
 */
class PersonalDataConventionTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ServiceApplication.class.getPackageName());

    private static final DescribedPredicate<JavaClass> HOLD_PERSONAL_DATA = DescribedPredicate.describe(
            "hold @PersonalData",
            type -> type.getFields().stream().anyMatch(field -> field.isAnnotatedWith(PersonalData.class)));

    private static final ArchCondition<JavaClass> DECLARE_TO_STRING =
            new ArchCondition<>("declare their own toString()") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean declares = type.getMethods().stream()
                            .anyMatch(method -> method.getName().equals("toString")
                                    && method.getRawParameterTypes().isEmpty());
                    if (!declares) {
                        events.add(SimpleConditionEvent.violated(
                                type, type.getName() + " holds @PersonalData but does not override toString()"));
                    }
                }
            };

    @Test
    void classesHoldingPersonalDataShouldDeclareToString() {
        classes()
                .that(HOLD_PERSONAL_DATA)
                .and()
                .areNotAssignableTo(Record.class)
                .should(DECLARE_TO_STRING)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void recordsHoldingPersonalDataShouldLeaveItOutOfToString() {
        List<Class<?>> records = CLASSES.stream()
                .filter(HOLD_PERSONAL_DATA)
                .filter(type -> type.isAssignableTo(Record.class))
                .map(JavaClass::reflect)
                .toList();

        assertThat(records)
                .allSatisfy(type -> assertThat(leaks(type))
                        .as("%s.toString() shows personal data", type.getName())
                        .isEmpty());
    }

    @Test
    void theCheckShouldCatchARecordThatShowsPersonalData() {
        assertThat(leaks(Leaky.class)).hasSize(1).allMatch(canary -> canary.startsWith("canary-Leaky.email-"));
        assertThat(leaks(Careful.class)).isEmpty();
    }

    record Leaky(String id, @PersonalData String email) {}

    record Careful(String id, @PersonalData String email) {
        @Override
        public String toString() {
            return "Careful[id=" + id + "]";
        }
    }

    /** The personal canaries that the record's {@code toString()} shows. */
    private static List<String> leaks(Class<?> type) {
        List<String> personal = new ArrayList<>();
        Object instance = sample(type, type.getSimpleName(), false, personal);
        assertThat(personal).as("canaries planted in %s", type.getName()).isNotEmpty();
        String text = instance.toString();
        return personal.stream().filter(text::contains).toList();
    }

    /** A value of the given type whose strings are canaries; those planted in personal data are collected. */
    private static Object sample(Class<?> type, String name, boolean personal, List<String> personalCanaries) {
        if (type == String.class) {
            String canary = "canary-" + name + "-" + UUID.randomUUID();
            if (personal) {
                personalCanaries.add(canary);
            }
            return canary;
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = Arrays.stream(components)
                    .map(component -> sample(
                            component.getType(),
                            name + "." + component.getName(),
                            personal || component.isAnnotationPresent(PersonalData.class),
                            personalCanaries))
                    .toArray();
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build " + type.getName(), e);
            }
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        throw new IllegalStateException("Add a sample value for " + type.getName() + " (" + name + ")");
    }
}
