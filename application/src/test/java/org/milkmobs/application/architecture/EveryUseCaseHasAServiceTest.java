package org.milkmobs.application.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;

/**
 * The middle of the test pyramid stays in place: every use case's service, and every pipeline step, is built by a test on
 * the in-memory twins (issue 22). {@code org.milkmobs.servicetestfixture} shows both rules bite.
 */
class EveryUseCaseHasAServiceTest {

    /**
     * Use cases allowed to lack a service test for now, each with the reason. Keep it short: a use case listed here that
     * has a service test fails {@link #noExceptionOutlivesItsReason}.
     */
    static final Map<String, String> EXCEPTIONS = Map.of();

    /**
     * Pipeline steps allowed to lack a test for now, each with the reason; a step listed here that has a test fails
     * {@link #noStepExceptionOutlivesItsReason}.
     */
    static final Map<String, String> STEP_EXCEPTIONS = Map.of();

    private static final JavaClasses APPLICATION = importOnly("org.milkmobs.application");
    private static final JavaClasses FIXTURE = importOnly("org.milkmobs.servicetestfixture");

    /**
     * The package's classes alone, read from this module's main and test output: the rule needs no class from outside them
     * (an annotation is matched by name), so the import neither scans every classpath entry for the package nor resolves the
     * classes it refers to.
     */
    private static JavaClasses importOnly(String pkg) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            String folder = pkg.replace('.', '/');
            List<Path> roots = Stream.of(EveryUseCaseHasAServiceTest.class, ForbiddenException.class)
                    .map(type -> Path.of(codeSource(type)).resolve(folder)).filter(Files::isDirectory).toList();
            return new ClassFileImporter().importPaths(roots);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    private static URI codeSource(Class<?> type) {
        try {
            return type.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyUseCaseHasAServiceTest() {
        new ServiceTestRule("org.milkmobs.application").everyUseCaseHasAServiceTest(EXCEPTIONS.keySet()).check(APPLICATION);
    }

    @Test
    void noExceptionOutlivesItsReason() {
        ServiceTestRule rule = new ServiceTestRule("org.milkmobs.application");
        for (String useCase : EXCEPTIONS.keySet()) {
            Set<String> others = new java.util.HashSet<>(EXCEPTIONS.keySet());
            others.remove(useCase);
            assertThatThrownBy(() -> rule.everyUseCaseHasAServiceTest(others).check(APPLICATION))
                    .as("%s is listed as an exception; once it has a service test, remove it from the list", useCase)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("." + useCase + " is implemented by");
        }
    }

    @Test
    void everyPipelineStepHasATest() {
        new ServiceTestRule("org.milkmobs.application").everyStepHasATest(STEP_EXCEPTIONS.keySet()).check(APPLICATION);
    }

    @Test
    void noStepExceptionOutlivesItsReason() {
        ServiceTestRule rule = new ServiceTestRule("org.milkmobs.application");
        for (String step : STEP_EXCEPTIONS.keySet()) {
            Set<String> others = new java.util.HashSet<>(STEP_EXCEPTIONS.keySet());
            others.remove(step);
            assertThatThrownBy(() -> rule.everyStepHasATest(others).check(APPLICATION))
                    .as("%s is listed as an exception; once it has a test, remove it from the list", step)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("." + step + " is built by no *Test class");
        }
    }

    @Test
    void aUseCaseWhoseServiceNoTestBuildsIsReported() {
        assertThatThrownBy(() -> new ServiceTestRule("org.milkmobs.servicetestfixture").everyUseCaseHasAServiceTest(Set.of()).check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UntestedUseCase is implemented by org.milkmobs.servicetestfixture.service.UntestedService, which no *Test class builds")
                .hasMessageContaining("UnimplementedUseCase has no implementing service")
                .hasMessageNotContaining("TestedUseCase is implemented by org.milkmobs.servicetestfixture.service.TestedService, which")
                .hasMessageContaining("(2 times)");
    }

    @Test
    void aListedExceptionIsNotReported() {
        new ServiceTestRule("org.milkmobs.servicetestfixture")
                .everyUseCaseHasAServiceTest(Set.of("UntestedUseCase", "UnimplementedUseCase")).check(FIXTURE);

        assertThat(FIXTURE.contain("org.milkmobs.servicetestfixture.service.UntestedService")).isTrue();
    }

    @Test
    void aStepNoTestBuildsIsReportedButNotAnAbstractStepOrAHandlerDeclaredInATest() {
        assertThatThrownBy(() -> new ServiceTestRule("org.milkmobs.servicetestfixture").everyStepHasATest(Set.of()).check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the pipeline step org.milkmobs.servicetestfixture.service.steps.UntestedStep is built by no *Test class;"
                        + " write UntestedStepTest on the in-memory twins")
                .hasMessageNotContaining("servicetestfixture.service.steps.TestedStep ")
                .hasMessageNotContaining("AbstractStep")
                .hasMessageNotContaining("ScriptedStep")
                .hasMessageContaining("(1 times)");
    }

    @Test
    void aListedStepIsNotReported() {
        new ServiceTestRule("org.milkmobs.servicetestfixture").everyStepHasATest(Set.of("UntestedStep")).check(FIXTURE);

        assertThat(FIXTURE.contain("org.milkmobs.servicetestfixture.service.steps.UntestedStep")).isTrue();
    }

    @Test
    void theStepRuleSeesEveryStepOfThePipeline() {
        assertThat(APPLICATION.get("org.milkmobs.application.service.pipeline.StepHandler").getAllSubclasses())
                .extracting(JavaClass::getSimpleName)
                .containsExactlyInAnyOrder("PreflightStep", "ThumbnailStep", "UnderstandStep", "EmbedStep", "WriteResultsStep",
                        "ValidateStep", "ClusterStep", "EmitStep");
    }

    @Test
    void aRuleOverNoStepsFails() {
        assertThatThrownBy(() -> new ServiceTestRule("org.milkmobs.no.such.layer").everyStepHasATest(Set.of()).check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void aRuleOverNoUseCasesFails() {
        assertThatThrownBy(() -> new ServiceTestRule("org.milkmobs.no.such.layer").everyUseCaseHasAServiceTest(Set.of()).check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
