package org.milkmobs.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering of Milk Mobs as ArchUnit rules over a base package, so the same rules run on the real
 * code and on a fixture that breaks them. Every rule refuses to pass on an empty set of classes.
 */
final class LayerRules {

    /** Every adapter module with code; each must hold classes, so add one here when its module gets some. */
    static final List<String> ADAPTERS = List.of("rest", "persistence", "aws", "media", "http", "openai");

    /** Framework packages the core must not see; jakarta.validation is not among them. */
    private static final String[] FRAMEWORKS = {
        "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
        "jakarta.json..", "jakarta.servlet..", "jakarta.ejb..", "jakarta.annotation..", "org.eclipse.microprofile..",
        "org.hibernate..", "org.postgresql..", "com.pgvector..", "org.flywaydb..", "software.amazon..",
    };

    private final String base;

    LayerRules(String base) {
        this.base = base;
    }

    ArchRule domainDependsOnlyOnItselfAndJava() {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(base + ".domain..", "java..")
                .as("the domain depends on nothing outside itself and java..")
                .allowEmptyShould(false);
    }

    ArchRule applicationUsesNoAdapterOrFramework() {
        List<String> forbidden = new ArrayList<>(List.of(FRAMEWORKS));
        forbidden.add(base + ".adapters..");
        forbidden.add(base + ".bootstrap..");
        return noClasses().that().resideInAPackage(base + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .as("the application depends on no adapter and no framework")
                .allowEmptyShould(false);
    }

    List<ArchRule> adaptersDoNotDependOnEachOther() {
        List<ArchRule> rules = new ArrayList<>();
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter))
                    .map(a -> base + ".adapters." + a + "..").toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage(base + ".adapters." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .as("adapter '" + adapter + "' depends on no other adapter")
                    .allowEmptyShould(false));
        }
        return rules;
    }

    ArchRule portsInDoNotSeePortsOutOrServices() {
        return noClasses().that().resideInAPackage(base + ".application.port.in..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".application.port.out..", base + ".application.service..")
                .as("incoming ports depend on neither outgoing ports nor services")
                .allowEmptyShould(false);
    }

    ArchRule portsOutDoNotSeePortsInOrServices() {
        return noClasses().that().resideInAPackage(base + ".application.port.out..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".application.port.in..", base + ".application.service..")
                .as("outgoing ports depend on neither incoming ports nor services")
                .allowEmptyShould(false);
    }

    ArchRule servicesAreOnlyReachedThroughPorts() {
        return noClasses().that().resideInAPackage(base + "..")
                .and().resideOutsideOfPackages(base + ".application.service..", base + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(base + ".application.service..")
                .as("only bootstrap builds services; everything else talks to their ports")
                .allowEmptyShould(false);
    }

    /**
     * Packages depend on each other in one direction only, so any package can be read, tested or moved with
     * what it depends on and nothing that depends on it. One rule over every package of every module: Maven
     * already forbids cycles between modules, so a cycle this finds lies inside one.
     */
    ArchRule packagesAreFreeOfCycles() {
        return slices().matching(base + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .as("no module has a package cycle")
                .allowEmptyShould(false);
    }

    List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(domainDependsOnlyOnItselfAndJava());
        rules.add(applicationUsesNoAdapterOrFramework());
        rules.addAll(adaptersDoNotDependOnEachOther());
        rules.add(portsInDoNotSeePortsOutOrServices());
        rules.add(portsOutDoNotSeePortsInOrServices());
        rules.add(servicesAreOnlyReachedThroughPorts());
        rules.add(packagesAreFreeOfCycles());
        return rules;
    }
}
