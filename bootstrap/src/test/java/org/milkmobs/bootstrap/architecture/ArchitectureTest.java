package org.milkmobs.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The layering rules over the production classes of every module. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        // Sibling modules arrive as jars or class folders; DoNotIncludeJars would silently drop them.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.milkmobs");
    }

    @TestFactory
    Stream<DynamicTest> everyLayerRuleHolds() {
        return new LayerRules("org.milkmobs").all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    @Test
    void everyLayerHasClassesSoNoRuleCanPassOnAnEmptySet() {
        Stream.concat(Stream.of("domain", "application.port.in", "application.port.out", "application.service", "bootstrap"),
                        LayerRules.ADAPTERS.stream().map(adapter -> "adapters." + adapter))
                .forEach(layer -> assertThat(production.stream()
                        .filter(c -> c.getPackageName().startsWith("org.milkmobs." + layer)))
                        .as("classes in org.milkmobs.%s", layer)
                        .isNotEmpty());
    }

    @Test
    void testClassesAreNotImported() {
        assertThat(production.stream().map(c -> c.getName())).noneMatch(n -> n.endsWith("Test") || n.contains("archfixture"));
    }
}
