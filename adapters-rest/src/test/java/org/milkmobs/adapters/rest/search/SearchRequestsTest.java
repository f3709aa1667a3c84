package org.milkmobs.adapters.rest.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.rest.json.JsonBodyReader;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;
import org.milkmobs.adapters.rest.search.SearchRequests.Filters;
import org.milkmobs.adapters.rest.search.SearchRequests.TextSearchRequest;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

/** Careless and hostile search bodies: each is a 400 naming its field, bound and checked as every request record is. */
class SearchRequestsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aWellFormedTextSearchIsBound() {
        Object read = read("{\"query\":\"milk\",\"mode\":\"hybrid\",\"limit\":5,\"filters\":{\"hashtags\":[\"milk\"],\"owner\":\"u\"}}");
        assertThat(read).isEqualTo(new TextSearchRequest("milk", "hybrid", null, null,
                new Filters(null, "u", List.of("milk"), null, null, null), null, null, 5, null));
    }

    @Test
    void wrongJsonTypesAreNamedByTheirPath() {
        assertThat(refused("{\"query\":7,\"alpha\":\"high\",\"limit\":2.5,\"filters\":{\"hashtags\":\"milk\"}}").errors())
                .extracting(Problem.FieldError::field).containsExactly("query", "alpha", "filters.hashtags", "limit");
        assertThat(refused("{\"query\":\"milk\",\"filters\":[]}").errors())
                .containsExactly(new Problem.FieldError("filters", "filters must be an object"));
    }

    @Test
    void anUnknownFieldOrFilterIsRefusedNotIgnored() {
        InvalidRequestException refused = refused("{\"query\":\"milk\",\"colour\":\"red\",\"filters\":{\"colour\":\"red\"}}");
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder("colour", "filters.colour");
        assertThat(refused.getMessage()).contains("colour");
    }

    @Test
    void aMissingQueryIsAViolationOfThatField() throws Exception {
        Method byText = SearchResource.class.getMethod("byText", TextSearchRequest.class);
        var violations = FACTORY.getValidator().forExecutables().validateParameters(new SearchResource(), byText,
                new Object[] {read("{}")});
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.getPropertyPath().toString()).endsWith(".query"));
    }

    @Test
    void filtersAndPagingKeepTheirRules() {
        Caller caller = Caller.consumer(new UserId("u"));
        assertThat(SearchFields.of(text("{\"query\":\"m\",\"limit\":3,\"groupBy\":\"clip\",\"filters\":{\"hashtags\":[\"milk\"]}}"))
                .options(caller).limit()).isEqualTo(3);
        assertThat(catchThrowableOfType(() -> SearchFields.of(text("{\"query\":\"m\",\"limit\":-1}")).options(caller),
                RuntimeException.class)).hasMessageContaining("limit");
        assertThat(catchThrowableOfType(() -> SearchFields.of(text("{\"query\":\"m\",\"threshold\":1.5}")).options(caller),
                RuntimeException.class)).hasMessageContaining("threshold");
        assertThat(catchThrowableOfType(() -> SearchFields.of(text("{\"query\":\"m\",\"filters\":{\"mob\":\"nope\"}}")).options(caller),
                RuntimeException.class)).hasMessageContaining("mob");
    }

    private static TextSearchRequest text(String json) {
        return (TextSearchRequest) read(json);
    }

    private static Object read(String json) {
        return JsonBodyReader.bind(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TextSearchRequest.class);
    }

    private static InvalidRequestException refused(String json) {
        return catchThrowableOfType(() -> read(json), InvalidRequestException.class);
    }
}
