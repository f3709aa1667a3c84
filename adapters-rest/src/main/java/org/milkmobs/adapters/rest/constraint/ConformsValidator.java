package org.milkmobs.adapters.rest.constraint;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.milkmobs.domain.InvalidValueException;

/** Asks the domain rule named by {@link Conforms} and reports its refusal as the violation's message. */
public class ConformsValidator implements ConstraintValidator<Conforms, Object> {

    private DomainRule rule;

    @Override
    public void initialize(Conforms conforms) {
        rule = conforms.value();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            rule.check(value);
            return true;
        } catch (InvalidValueException refused) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(literal(refused.getMessage())).addConstraintViolation();
            return false;
        }
    }

    /**
     * A refusal may quote the client's input (a hashtag, a period); escaped, the message interpolator takes
     * it as plain text instead of evaluating {@code {…}} or {@code ${…}} in it.
     */
    static String literal(String message) {
        return message.replaceAll("([\\\\{}$])", "\\\\$1");
    }
}
