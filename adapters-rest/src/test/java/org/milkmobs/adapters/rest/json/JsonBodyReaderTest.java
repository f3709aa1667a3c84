package org.milkmobs.adapters.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.rest.budget.BudgetModels.BudgetChangeRequest;
import org.milkmobs.adapters.rest.campaign.CampaignResource.CampaignBody;
import org.milkmobs.adapters.rest.problem.BodyTooLargeException;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.PayloadTooLargeException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.video.SubmitVideoRequest;

/** Every way a JSON body can be broken is a client error in the API's words, named by JSON path (defects 2 and 6). */
class JsonBodyReaderTest {

    @Test
    void aWellFormedBodyIsBound() {
        Object read = JsonBodyReader.read(body("{\"title\":\"Milk\",\"hashtags\":[\"a\"],\"unknown\":{\"x\":1}}"),
                SubmitVideoRequest.class, SubmitVideoRequest.class);
        assertThat(read).isEqualTo(new SubmitVideoRequest("Milk", null, List.of("a")));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsPathWithoutJavaNames() {
        InvalidRequestException refused = refused("{\"title\":{\"a\":1},\"hashtags\":[\"ok\",7]}", SubmitVideoRequest.class);

        assertThat(refused.errors()).containsExactly(
                new Problem.FieldError("title", "title must be a string"),
                new Problem.FieldError("hashtags[1]", "hashtags[1] must be a string"));
        assertThat(refused.getMessage()).doesNotContain("org.milkmobs", "java.", "class");
    }

    @Test
    void nestedRecordsAndMapsAreCheckedToo() {
        assertThat(refused("{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":\"ten\",\"lift\":\"yes\"}]}",
                BudgetChangeRequest.class).errors()).extracting(Problem.FieldError::field).containsExactly("limits[0].usd", "limits[0].lift");
        assertThat(refused("{\"weights\":{\"visual\":\"high\"},\"threshold\":[]}", CampaignBody.class).errors())
                .extracting(Problem.FieldError::message).containsExactly("weights[visual] must be a number", "threshold must be a number");
    }

    @Test
    void aBodyOfTheWrongKindIsRefusedAsTheBody() {
        assertThat(refused("[]", SubmitVideoRequest.class).getMessage()).isEqualTo("the request body must be an object");
        assertThat(refused("\"text\"", JsonObject.class).getMessage()).isEqualTo("the request body must be a JSON object");
    }

    @Test
    void deepNestingIsRefusedBeforeTheParserDescends() {
        String deep = "{\"query\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        InvalidRequestException refused = refused(deep, JsonObject.class);

        assertThat(refused.getMessage()).contains("nests deeper than 32 levels").contains("line 1");
    }

    @Test
    void malformedAndTruncatedBodiesSayWhereWithoutTheParsersInternals() {
        assertThat(refused("{\"title\":", SubmitVideoRequest.class).getMessage()).startsWith("the request body is not valid JSON");
        assertThat(refused("{\"title\" \"x\"}", SubmitVideoRequest.class).getMessage())
                .startsWith("the request body is not valid JSON").contains("column").doesNotContain("line no=");
        assertThat(refused("{} {}", SubmitVideoRequest.class).getMessage()).startsWith("the request body is not valid JSON");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        InvalidRequestException refused = catchThrowableOfType(
                () -> JsonBodyReader.read(new ByteArrayInputStream(latin1), SubmitVideoRequest.class, SubmitVideoRequest.class),
                InvalidRequestException.class);
        assertThat(refused).hasMessage("the request body is not valid JSON: it is not UTF-8");
    }

    @Test
    void anEmptyOrNullBodyIsLeftToTheRequiredCheck() {
        assertThat(JsonBodyReader.read(body(""), SubmitVideoRequest.class, SubmitVideoRequest.class)).isNull();
        assertThat(JsonBodyReader.read(body("null"), SubmitVideoRequest.class, SubmitVideoRequest.class)).isNull();
    }

    @Test
    void aBodyCutOffAtItsLimitIsTooLarge() {
        InputStream endless = new InputStream() {
            private int served;

            @Override
            public int read() throws java.io.IOException {
                if (served++ > 100) {
                    throw new BodyTooLargeException(100);
                }
                return served == 1 ? '[' : ' ';
            }
        };
        PayloadTooLargeException refused = catchThrowableOfType(() -> JsonBodyReader.read(endless, JsonObject.class, JsonObject.class),
                PayloadTooLargeException.class);
        assertThat(refused).hasMessageContaining("100 bytes");
    }

    private static InvalidRequestException refused(String json, Class<?> type) {
        InvalidRequestException refused = catchThrowableOfType(() -> JsonBodyReader.read(body(json), type, type), InvalidRequestException.class);
        assertThat(refused).as("refused: %s", json).isNotNull();
        return refused;
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
