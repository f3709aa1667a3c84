package org.milkmobs.adapters.rest.constraint;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated value must be accepted by the domain's own rule for it, so a request is checked by the
 * same code that guards the value object and the rule lives in one place. {@code null} is valid, as for
 * every Bean Validation constraint but {@code @NotNull}; the violation's message is the domain's refusal.
 */
@Documented
@Constraint(validatedBy = ConformsValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Conforms {

    DomainRule value();

    String message() default "is not accepted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
