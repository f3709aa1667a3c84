package org.milkmobs.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules bite: {@code org.milkmobs.archfixture} is a miniature of our layout in which every
 * layer breaks its rule once, and each rule must report exactly that violation. An empty package must
 * fail too.
 */
class LayerRulesBiteTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("org.milkmobs.archfixture");
    private static final LayerRules RULES = new LayerRules("org.milkmobs.archfixture");

    @Test
    void aJpaImportInTheDomainIsReported() {
        assertThatThrownBy(() -> RULES.domainDependsOnlyOnItselfAndJava().check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.persistence.Entity")
                .hasMessageContaining("LeakyDomainEntity");
    }

    @Test
    void aFrameworkInTheApplicationIsReported() {
        assertThatThrownBy(() -> RULES.applicationUsesNoAdapterOrFramework().check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jakarta.inject.Inject")
                .hasMessageContaining("adapters.rest.FixtureResource");
    }

    @Test
    void anAdapterCallingAnotherIsReported() {
        List<String> failures = RULES.adaptersDoNotDependOnEachOther().stream()
                .map(rule -> {
                    try {
                        rule.check(FIXTURE);
                        return "";
                    } catch (AssertionError e) {
                        return e.getMessage();
                    }
                })
                .filter(message -> !message.isEmpty())
                .toList();

        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).contains("adapter 'persistence'").contains("adapters.rest.FixtureResource");
        assertThat(RULES.adaptersDoNotDependOnEachOther()).hasSameSizeAs(LayerRules.ADAPTERS);
    }

    @Test
    void portsThatSeeEachOtherOrServicesAreReported() {
        assertThatThrownBy(() -> RULES.portsInDoNotSeePortsOutOrServices().check(FIXTURE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("FixturePortOut");
        assertThatThrownBy(() -> RULES.portsOutDoNotSeePortsInOrServices().check(FIXTURE))
                .isInstanceOf(AssertionError.class).hasMessageContaining("FixtureService");
    }

    @Test
    void aPackageCycleIsReported() {
        assertThatThrownBy(() -> RULES.packagesAreFreeOfCycles().check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("adapters.rest.problem")
                .hasMessageContaining("FixtureProblems")
                .hasMessageContaining("FixtureLimit")
                .hasMessageNotContaining("FixtureRepository");
    }

    @Test
    void aRuleOverAnEmptyLayerFails() {
        LayerRules nowhere = new LayerRules("org.milkmobs.no.such.layer");

        for (var rule : nowhere.all()) {
            assertThatThrownBy(() -> rule.check(FIXTURE))
                    .as(rule.getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed to check any classes");
        }
    }
}
