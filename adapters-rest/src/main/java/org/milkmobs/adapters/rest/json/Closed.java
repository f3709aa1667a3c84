package org.milkmobs.adapters.rest.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record whose JSON object takes no field it does not declare: {@link JsonShape} reports an unknown one as a
 * field error (by its JSON path) instead of leaving it alone. For bodies where a misspelt field would silently widen
 * the answer, such as a search's filters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Closed {
}
