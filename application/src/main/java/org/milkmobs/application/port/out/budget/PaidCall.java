package org.milkmobs.application.port.out.budget;

import java.util.Map;
import java.util.Objects;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * A paid model call about to be made.
 *
 * @param maxUnits the most the call can consume (media seconds, the output-token cap, a text's length in
 *                 bytes as its tokens): what the budget reserves
 */
public record PaidCall(String model, ModelOperation operation, Map<PricedUnit, Double> maxUnits, Subject subject) {

    public PaidCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(operation, "operation");
        maxUnits = Map.copyOf(maxUnits);
        Objects.requireNonNull(subject, "subject");
    }
}
