package org.milkmobs.domain.budget;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;

/**
 * What a ceiling covers: every model together, or one model. A model is named by its base model id: Bedrock
 * invokes the same model through cross-region inference profiles ({@code us.twelvelabs.…}) and ARNs as well
 * (Marengo's InvokeModel goes through a profile, its StartAsyncInvoke does not), and one ceiling covers them all.
 */
public record BudgetScope(Optional<String> model) {

    /** How the global scope is written on the wire and in storage; no model id can take this form. */
    public static final String GLOBAL_NAME = "global";

    public static final BudgetScope GLOBAL = new BudgetScope(Optional.empty());

    /** A geography's inference profile in front of a provider.model id. */
    private static final Pattern INFERENCE_PROFILE = Pattern.compile("(?:us|us-gov|eu|apac|jp|au|ca|global)\\.([^.]+\\..+)");

    public BudgetScope {
        model = model.map(BudgetScope::baseModelId);
        model.ifPresent(id -> {
            if (id.isBlank() || id.equalsIgnoreCase(GLOBAL_NAME)) {
                throw new InvalidValueException("scope", "a model scope names a model id, got '" + id + "'");
            }
        });
    }

    /** {@code arn:…/us.twelvelabs.pegasus-1-2-v1:0} and {@code us.twelvelabs.pegasus-1-2-v1:0} are {@code twelvelabs.pegasus-1-2-v1:0}. */
    private static String baseModelId(String id) {
        String name = id.startsWith("arn:") && id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        Matcher profile = INFERENCE_PROFILE.matcher(name);
        return profile.matches() ? profile.group(1) : name;
    }

    /** How an API key's scope is written: {@code key:<key id>}; no model id starts so. */
    public static final String API_KEY_PREFIX = "key:";

    /** One gateway API key's spending (ADR 0017): set and read through the same ceilings API as a model's. */
    public static BudgetScope apiKey(String keyId) {
        return model(API_KEY_PREFIX + Require.text("keyId", keyId, 1, 100, false));
    }

    public boolean isApiKey() {
        return model.filter(id -> id.startsWith(API_KEY_PREFIX)).isPresent();
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
