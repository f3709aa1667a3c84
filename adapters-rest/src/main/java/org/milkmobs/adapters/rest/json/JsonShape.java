package org.milkmobs.adapters.rest.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.milkmobs.adapters.rest.problem.Problem;

/**
 * Checks a JSON tree against the Java type it will be bound to, before binding, so a value of the wrong kind
 * is reported by its JSON path ({@code limits[0].usd must be a number}) in the API's words: the binder's own
 * refusal names Java classes and no field. Unknown fields are left alone (clients may be newer than we are), except
 * in a record marked {@link Closed};
 * required fields and domain rules are Bean Validation's business.
 */
final class JsonShape {

    private JsonShape() {
    }

    static List<Problem.FieldError> check(JsonValue value, Type type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(value, type, "body", errors);
        return errors;
    }

    private static void check(JsonValue value, Type type, String path, List<Problem.FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
            return;
        }
        String expected = null;
        if (raw == String.class || raw == Character.class) {
            expected = value.getValueType() == JsonValue.ValueType.STRING ? null : "a string";
        } else if (raw == Boolean.class || raw == boolean.class) {
            expected = value == JsonValue.TRUE || value == JsonValue.FALSE ? null : "true or false";
        } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            expected = number(value, raw);
        } else if (raw.isEnum()) {
            expected = enumConstant(value, raw);
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            if (!(value instanceof JsonArray array)) {
                expected = "an array";
            } else {
                Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), element, path + "[" + i + "]", errors);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                expected = "an object";
            } else {
                object.forEach((key, member) -> check(member, argument(type, 1), path + "[" + key + "]", errors));
            }
        } else if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                expected = "an object";
            } else {
                List<String> known = new ArrayList<>();
                for (RecordComponent component : raw.getRecordComponents()) {
                    String name = name(component);
                    known.add(name);
                    check(object.get(name), component.getGenericType(), path.equals("body") ? name : path + "." + name, errors);
                }
                if (raw.isAnnotationPresent(Closed.class)) {
                    object.keySet().stream().filter(key -> !known.contains(key)).sorted().forEach(key -> {
                        String field = path.equals("body") ? key : path + "." + key;
                        errors.add(new Problem.FieldError(field, "unknown field '" + field + "'; known: " + known.stream().sorted().toList()));
                    });
                }
            }
        }
        if (expected != null) {
            String field = path;
            errors.add(new Problem.FieldError(field, (field.equals("body") ? "the request body" : field) + " must be " + expected));
        }
    }

    /** {@code null} when the value fits the number type; else what was expected, with the range of a whole-number type. */
    private static String number(JsonValue value, Class<?> raw) {
        if (!(value instanceof JsonNumber number)) {
            return "a number";
        }
        BigDecimal decimal = number.bigDecimalValue();
        long[] range = integerRange(raw);
        if (range == null) {
            return null;
        }
        String expected = "a whole number from " + range[0] + " to " + range[1];
        if (decimal.stripTrailingZeros().scale() > 0 || decimal.abs().compareTo(BigDecimal.TEN.pow(20)) > 0) {
            return expected;
        }
        BigInteger whole = decimal.toBigIntegerExact();
        return whole.compareTo(BigInteger.valueOf(range[0])) < 0 || whole.compareTo(BigInteger.valueOf(range[1])) > 0 ? expected : null;
    }

    private static long[] integerRange(Class<?> raw) {
        if (raw == Integer.class || raw == int.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        if (raw == Long.class || raw == long.class) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        if (raw == Short.class || raw == short.class) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        }
        return null;
    }

    private static String enumConstant(JsonValue value, Class<?> raw) {
        List<String> names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        boolean known = value.getValueType() == JsonValue.ValueType.STRING && names.contains(((jakarta.json.JsonString) value).getString());
        return known ? null : "one of " + String.join(", ", names);
    }

    private static String name(RecordComponent component) {
        JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
        if (renamed == null && component.getAccessor() != null) {
            renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length > 0) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
