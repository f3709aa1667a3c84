package org.milkmobs.adapters.rest.constraint;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.AdminOverride;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.VideoId;

/**
 * The domain rules a request field can be held to with {@link Conforms}: each builds the value object (or
 * runs its check) and so refuses exactly what the domain refuses.
 */
public enum DomainRule {
    TITLE(value -> new Title((String) value)),
    DESCRIPTION(value -> new Description((String) value)),
    HASHTAGS(value -> new Hashtags(strings(value))),
    VIDEO_ID(value -> VideoId.parse((String) value)),
    BUDGET_SCOPE(value -> BudgetScope.parse((String) value)),
    BUDGET_PERIOD(value -> BudgetPeriod.fromWireName("period", (String) value)),
    BUDGET_AMOUNT(value -> BudgetLimit.checkedAmount((BigDecimal) value)),
    CAMPAIGN_NAME(value -> Campaign.checkedName((String) value)),
    CAMPAIGN_DESCRIPTION(value -> Campaign.checkedDescription((String) value)),
    CAMPAIGN_KEYWORDS(value -> Campaign.checkedKeywords(strings(value))),
    OVERRIDE_REASON(value -> new AdminOverride(true, (String) value)),
    MOB_NAME(value -> new MobName((String) value));

    private final Consumer<Object> check;

    DomainRule(Consumer<Object> check) {
        this.check = check;
    }

    /** @throws org.milkmobs.domain.InvalidValueException if the domain refuses {@code value} */
    void check(Object value) {
        check.accept(value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
