package com.example.service.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

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
import org.junit.jupiter.api.Test;

/** Types that hold personal data keep it out of {@code toString()}, and so out of every log line that prints them. */
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
    void typesHoldingPersonalDataShouldRedactToString() {
        classes().that(HOLD_PERSONAL_DATA).should(DECLARE_TO_STRING).check(CLASSES);
    }
}
