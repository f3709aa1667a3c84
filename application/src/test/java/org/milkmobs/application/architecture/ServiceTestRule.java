package org.milkmobs.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * Every {@code *UseCase} in {@code port.in} has a service in {@code service} that some test class builds: a top-level class
 * named {@code *Test} with a JUnit {@code @Test} method constructs it (in itself or one of its nested classes, or through a
 * fixture class that it constructs, as {@code WebhookFixture}). Building
 * the real service is what makes it a service test; a test that only stubs the use case does not count.
 */
final class ServiceTestRule {

    private static final String JUNIT_TEST = "org.junit.jupiter.api.Test";

    private final String base;

    /** @param base the package holding {@code port.in} and {@code service}, e.g. {@code org.milkmobs.application} */
    ServiceTestRule(String base) {
        this.base = base;
    }

    /** @param exceptions simple names of use cases that may lack a service test for now; each must say why where it is listed */
    ArchRule everyUseCaseHasAServiceTest(Set<String> exceptions) {
        return classes().that().resideInAPackage(base + ".port.in..").and().areInterfaces().and().haveSimpleNameEndingWith("UseCase")
                .and(DescribedPredicate.describe("are not listed as exceptions " + exceptions,
                        useCase -> !exceptions.contains(useCase.getSimpleName())))
                .should(haveAServiceThatATestBuilds())
                .allowEmptyShould(false);
    }

    private ArchCondition<JavaClass> haveAServiceThatATestBuilds() {
        return new ArchCondition<>("have a service in " + base + ".service that a *Test class builds") {
            @Override
            public void check(JavaClass useCase, ConditionEvents events) {
                List<JavaClass> services = useCase.getAllSubclasses().stream()
                        .filter(c -> !c.isInterface() && c.getPackageName().startsWith(base + ".service"))
                        .toList();
                if (services.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(useCase, useCase.getName() + " has no implementing service in " + base + ".service"));
                    return;
                }
                for (JavaClass service : services) {
                    List<String> tests = buildersOf(service).stream()
                            .flatMap(builder -> isTestClass(builder) ? java.util.stream.Stream.of(builder) : buildersOf(builder).stream())
                            .filter(ServiceTestRule::isTestClass)
                            .map(JavaClass::getSimpleName)
                            .distinct()
                            .sorted()
                            .toList();
                    events.add(new SimpleConditionEvent(useCase, !tests.isEmpty(), tests.isEmpty()
                            ? useCase.getName() + " is implemented by " + service.getName() + ", which no *Test class builds; write "
                              + service.getSimpleName() + "Test on the in-memory twins"
                            : useCase.getName() + " is tested through " + service.getSimpleName() + " by " + tests));
                }
            }
        };
    }

    /** The top-level classes that construct {@code type}; a test that builds a fixture which builds the service counts. */
    private static List<JavaClass> buildersOf(JavaClass type) {
        return type.getConstructorCallsToSelf().stream().map(JavaConstructorCall::getOriginOwner).map(ServiceTestRule::topLevel)
                .filter(builder -> !builder.equals(type)).distinct().toList();
    }

    private static JavaClass topLevel(JavaClass owner) {
        JavaClass top = owner;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static boolean isTestClass(JavaClass type) {
        return type.getSimpleName().endsWith("Test")
                && type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(JUNIT_TEST));
    }
}
