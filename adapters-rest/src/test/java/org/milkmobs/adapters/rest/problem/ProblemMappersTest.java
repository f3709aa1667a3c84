package org.milkmobs.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The mapper JAX-RS would choose (the nearest exception type) for failures that can only come from writing a
 * response, now that every body is read by the JSON body reader: a 500 whose incident id is in the log (defect 13).
 */
class ProblemMappersTest {

    @Test
    void aJsonBindingFailureWhileWritingIsOursWithAnIncidentIdInTheLog() {
        for (RuntimeException writeFailure : new RuntimeException[] {
                new JsonbException("Unable to serialize property 'x'"),
                new ProcessingException("Error writing JSON-B serialized object", new JsonbException("cycle")),
                new jakarta.json.JsonException("I/O error while writing")}) {
            StringBuilder log = new StringBuilder();
            Handler capture = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    log.append(record.getMessage()).append('\n');
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            Logger logger = Logger.getLogger(ProblemMappers.class.getName());
            logger.addHandler(capture);
            try {
                Response response = mapperFor(writeFailure).toResponse(writeFailure);

                assertThat(response.getStatus()).as(writeFailure.toString()).isEqualTo(500);
                String detail = ((Problem) response.getEntity()).detail();
                String incident = detail.replaceAll(".*incident ([0-9a-f-]+).*", "$1");
                assertThat(log.toString()).contains("incident " + incident);
            } finally {
                logger.removeHandler(capture);
            }
        }
    }

    /** Defect 9: a database outage was a 500 with an incident; it is the service being unavailable, for a while. */
    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() {
        RuntimeException outage = new RuntimeException("could not execute statement",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        Response response = mapperFor(outage).toResponse(outage);

        org.assertj.core.api.Assertions.assertThat(response.getStatus()).isEqualTo(503);
        org.assertj.core.api.Assertions.assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        org.assertj.core.api.Assertions.assertThat(((Problem) response.getEntity()).detail()).doesNotContain("127.0.0.1", "5432");

        RuntimeException bug = new RuntimeException(new java.sql.SQLException("syntax error", "42601"));
        org.assertj.core.api.Assertions.assertThat(mapperFor(bug).toResponse(bug).getStatus()).isEqualTo(500);
    }

    /** As JAX-RS picks a mapper: the provider whose exception type is the closest superclass of the thrown one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ExceptionMapper<Throwable> mapperFor(Throwable thrown) {
        Class<?> mapper = Arrays.stream(ProblemMappers.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Provider.class) && ExceptionMapper.class.isAssignableFrom(c))
                .filter(c -> handled(c).isInstance(thrown))
                .min(Comparator.comparingInt(c -> distance(thrown.getClass(), handled(c))))
                .orElseThrow();
        try {
            return (ExceptionMapper) mapper.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> handled(Class<?> mapper) {
        for (Type type : mapper.getGenericInterfaces()) {
            if (type instanceof ParameterizedType p && p.getRawType() == ExceptionMapper.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException(mapper + " names no exception type");
    }

    private static int distance(Class<?> thrown, Class<?> handled) {
        int distance = 0;
        for (Class<?> c = thrown; c != null && c != handled; c = c.getSuperclass()) {
            distance++;
        }
        return distance;
    }
}
