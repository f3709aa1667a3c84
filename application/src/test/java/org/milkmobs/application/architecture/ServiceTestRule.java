package org.milkmobs.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaModifier;
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
 * the real service is what makes it a service test; a test that only stubs the use case does not count. Every pipeline
 * step (a concrete {@code StepHandler} in {@code service}) is held to the same: a test class builds it.
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

    /**
     * Every concrete implementation of {@code <base>.service.pipeline.StepHandler} in {@code service} (a pipeline step) is
     * built by a {@code *Test} class, as a service is. Handlers declared inside a test (scripted steps) are not steps.
     *
     * @param exceptions simple names of steps that may lack a test for now; each must say why where it is listed
     */
    ArchRule everyStepHasATest(Set<String> exceptions) {
        String handler = base + ".service.pipeline.StepHandler";
        return classes().that().resideInAPackage(base + ".service..").and().areNotInterfaces().and().areNotAnonymousClasses()
                .and().areAssignableTo(handler)
                .and(DescribedPredicate.describe("are not abstract", step -> !step.getModifiers().contains(JavaModifier.ABSTRACT)))
                .and(DescribedPredicate.describe("are not declared in a test", step -> !isTestClass(topLevel(step))))
                .and(DescribedPredicate.describe("are not listed as exceptions " + exceptions,
                        step -> !exceptions.contains(step.getSimpleName())))
                .should(beBuiltByATest())
                .allowEmptyShould(false);
    }

    private static ArchCondition<JavaClass> beBuiltByATest() {
        return new ArchCondition<>("be built by a *Test class") {
            @Override
            public void check(JavaClass step, ConditionEvents events) {
                List<String> tests = testsBuilding(step);
                events.add(new SimpleConditionEvent(step, !tests.isEmpty(), tests.isEmpty()
                        ? "the pipeline step " + step.getName() + " is built by no *Test class; write " + step.getSimpleName()
                          + "Test on the in-memory twins"
                        : "the pipeline step " + step.getName() + " is tested by " + tests));
            }
        };
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
                    List<String> tests = testsBuilding(service);
                    events.add(new SimpleConditionEvent(useCase, !tests.isEmpty(), tests.isEmpty()
                            ? useCase.getName() + " is implemented by " + service.getName() + ", which no *Test class builds; write "
                              + service.getSimpleName() + "Test on the in-memory twins"
                            : useCase.getName() + " is tested through " + service.getSimpleName() + " by " + tests));
                }
            }
        };
    }

    /** The simple names of the test classes that build {@code type}, themselves or through a fixture they build. */
    private static List<String> testsBuilding(JavaClass type) {
        return buildersOf(type).stream()
                .flatMap(builder -> isTestClass(builder) ? java.util.stream.Stream.of(builder) : buildersOf(builder).stream())
                .filter(ServiceTestRule::isTestClass)
                .map(JavaClass::getSimpleName)
                .distinct()
                .sorted()
                .toList();
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
