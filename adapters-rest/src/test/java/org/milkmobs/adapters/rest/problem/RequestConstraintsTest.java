package org.milkmobs.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.rest.budget.BudgetModels.BudgetChangeRequest;
import org.milkmobs.adapters.rest.budget.BudgetModels.LimitRequest;
import org.milkmobs.adapters.rest.campaign.CampaignResource;
import org.milkmobs.adapters.rest.campaign.CampaignResource.CampaignBody;
import org.milkmobs.adapters.rest.campaign.CampaignResource.ReferenceBody;
import org.milkmobs.adapters.rest.validation.ValidationResource.ValidateRequest;
import org.milkmobs.adapters.rest.video.SubmitVideoRequest;
import org.milkmobs.adapters.rest.video.VideoResource;

/**
 * The request models' Bean Validation constraints, run by Hibernate Validator as Payara runs them, and
 * the field errors the problem mapper makes of the violations.
 */
class RequestConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidSubmissionHasNoViolations() {
        assertThat(VALIDATOR.validate(new SubmitVideoRequest("Milk mob at noon", null, List.of("#MilkMob", "slowmo")))).isEmpty();
    }

    @Test
    void everyBadFieldOfASubmissionIsReportedWithTheDomainsReason() {
        List<Problem.FieldError> errors = errors(VALIDATOR.validate(
                new SubmitVideoRequest("   ", "x".repeat(5001), List.of("no spaces allowed"))));

        assertThat(errors).extracting(Problem.FieldError::field).containsExactly("description", "hashtags", "title");
        assertThat(errors).extracting(Problem.FieldError::message).containsExactly(
                "description must have at most 5000 characters, got 5001",
                "hashtag 'no spaces allowed' must be 1 to 64 letters, digits or underscores after an optional #",
                "title must not be blank");
    }

    @Test
    void aMissingRequiredFieldIsNamedAsRequired() {
        assertThat(errors(VALIDATOR.validate(new SubmitVideoRequest(null, null, null))))
                .containsExactly(new Problem.FieldError("title", "title is required"));
    }

    @Test
    void tooManyHashtagsCountAfterNormalisingAsTheDomainCountsThem() {
        List<String> thirtyOneSpellingsOfThirty = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirtyOneSpellingsOfThirty.add("tag" + i);
        }
        thirtyOneSpellingsOfThirty.add("#TAG0");
        assertThat(VALIDATOR.validate(new SubmitVideoRequest("t", null, thirtyOneSpellingsOfThirty))).isEmpty();

        thirtyOneSpellingsOfThirty.add("tag30");
        assertThat(errors(VALIDATOR.validate(new SubmitVideoRequest("t", null, thirtyOneSpellingsOfThirty))))
                .extracting(Problem.FieldError::message).containsExactly("at most 30 hashtags are allowed, got 31");
    }

    @Test
    void nestedFieldsAreNamedByTheirJsonPath() {
        BudgetChangeRequest change = new BudgetChangeRequest(Arrays.asList(
                new LimitRequest("global", "day", BigDecimal.ONE, null),
                new LimitRequest("global", "week", new BigDecimal("-1"), null),
                null,
                new LimitRequest(null, null, null, true)), "why not");

        assertThat(errors(VALIDATOR.validate(change))).containsExactly(
                new Problem.FieldError("limits[1].period", "period must be one of hour, day, month, got 'week'"),
                new Problem.FieldError("limits[1].usd", "a ceiling cannot be negative, got -1"),
                new Problem.FieldError("limits[2]", "limits[2] is required"),
                new Problem.FieldError("limits[3].period", "limits[3].period is required"),
                new Problem.FieldError("limits[3].scope", "limits[3].scope is required"));
    }

    @Test
    void aChangeNeedsAtLeastOneCeilingAndAtMostAHundred() {
        assertThat(errors(VALIDATOR.validate(new BudgetChangeRequest(List.of(), null))))
                .containsExactly(new Problem.FieldError("limits", "limits must hold at least one ceiling and at most 100"));
        List<LimitRequest> many = java.util.Collections.nCopies(101, new LimitRequest("global", "day", BigDecimal.ONE, null));
        assertThat(errors(VALIDATOR.validate(new BudgetChangeRequest(many, null)))).extracting(Problem.FieldError::field)
                .containsExactly("limits");
        assertThat(errors(VALIDATOR.validate(new BudgetChangeRequest(null, null))))
                .containsExactly(new Problem.FieldError("limits", "limits is required"));
    }

    @Test
    void mapValuesAreNamedByTheirKey() {
        CampaignBody campaign = new CampaignBody("Milk mob", "People pour milk", List.of(), List.of(),
                new java.util.HashMap<>(Map.of("visual", 0.5)), 0.5, null, 0.9, null, null);
        campaign.weights().put("hashtags", null);

        assertThat(errors(VALIDATOR.validate(campaign))).containsExactly(
                new Problem.FieldError("visualUnrelated", "visualUnrelated is required"),
                new Problem.FieldError("weights[hashtags]", "weights[hashtags] is required"));
    }

    @Test
    void anOverrideDecisionIsOneOfTwoWordsAndTheVideoIdAUuid() {
        assertThat(errors(VALIDATOR.validate(new ValidateRequest("nope", "maybe", "because")))).containsExactly(
                new Problem.FieldError("decision", "decision must be VALIDATED or REJECTED"),
                new Problem.FieldError("videoId", "videoId must be a UUID such as 0190b0a4-5bd7-7c8e-9a51-5d6f0c1e2a3b"));
        assertThat(VALIDATOR.validate(new ValidateRequest("0190b0a4-5bd7-7c8e-9a51-5d6f0c1e2a3b", " rejected ", "off topic"))).isEmpty();
    }

    @Test
    void anImageReferenceIsLimitedInEncodedSize() {
        String sixMegabytes = "A".repeat(8 * 1024 * 1024);
        assertThat(errors(VALIDATOR.validate(new ReferenceBody(null, "cow", sixMegabytes))))
                .containsExactly(new Problem.FieldError("imageBase64", "imageBase64 must encode at most 5242880 bytes"));
    }

    @Test
    void aClientsInputQuotedInARefusalIsNeverInterpolated() {
        // Unescaped, "${1+1}" would be evaluated to 2 and "{value}" replaced by the constraint's attribute.
        for (String hostile : List.of("${1+1}", "{value}", "\\{value}", "$")) {
            assertThat(errors(VALIDATOR.validate(new SubmitVideoRequest("t", null, List.of(hostile))))).as(hostile)
                    .extracting(Problem.FieldError::message)
                    .containsExactly("hashtag '" + hostile + "' must be 1 to 64 letters, digits or underscores after an optional #");
        }
    }

    @Test
    void aMissingBodyOfAResourceMethodIsNamedBody() throws NoSuchMethodException {
        Method submit = VideoResource.class.getMethod("submit", String.class, SubmitVideoRequest.class);
        var violations = VALIDATOR.forExecutables().validateParameters(new VideoResource(), submit, new Object[] {"key", null});
        assertThat(errors(violations)).containsExactly(new Problem.FieldError("body", "body is required"));

        Method update = CampaignResource.class.getMethod("update", CampaignBody.class);
        var nested = VALIDATOR.forExecutables().validateParameters(new CampaignResource(), update, new Object[] {
                new CampaignBody("", "d", null, null, Map.of(), 0.5, 0.1, 0.9, null, null)});
        assertThat(errors(nested)).containsExactly(new Problem.FieldError("name", "name must not be blank"));
    }

    private static List<Problem.FieldError> errors(Collection<? extends ConstraintViolation<?>> violations) {
        return ProblemMappers.ConstraintViolations.fieldErrors(violations);
    }
}
