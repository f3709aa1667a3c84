package org.milkmobs.domain.budget;

import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;

/** What a ceiling covers: every model together, or one model (by its model id). */
public record BudgetScope(Optional<String> model) {

    /** How the global scope is written on the wire and in storage; no model id can take this form. */
    public static final String GLOBAL_NAME = "global";

    public static final BudgetScope GLOBAL = new BudgetScope(Optional.empty());

    public BudgetScope {
        model.ifPresent(id -> {
            if (id.isBlank() || id.equalsIgnoreCase(GLOBAL_NAME)) {
                throw new InvalidValueException("scope", "a model scope names a model id, got '" + id + "'");
            }
        });
    }

    public static BudgetScope model(String modelId) {
        return new BudgetScope(Optional.of(Require.text("scope", modelId, 1, 200, false)));
    }

    /** {@code global} or a model id. */
    public static BudgetScope parse(String value) {
        String scope = Require.text("scope", value, 1, 200, false);
        return scope.equalsIgnoreCase(GLOBAL_NAME) ? GLOBAL : model(scope);
    }

    public String wireName() {
        return model.orElse(GLOBAL_NAME);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
