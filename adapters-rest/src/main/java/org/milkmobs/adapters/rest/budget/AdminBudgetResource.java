package org.milkmobs.adapters.rest.budget;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.budget.BudgetModels.BudgetChangeRequest;
import org.milkmobs.adapters.rest.budget.BudgetModels.BudgetResponse;
import org.milkmobs.adapters.rest.budget.BudgetModels.LimitRequest;
import org.milkmobs.adapters.rest.problem.RequestFields;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;

@Path("/admin/budget")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminBudgetResource {

    @Inject
    BudgetAdminUseCase budget;

    @Inject
    CallerResolver callers;

    @GET
    public BudgetResponse get() {
        return BudgetResponse.from(budget.view());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public BudgetResponse change(@Valid @NotNull BudgetChangeRequest body) {
        RequestFields fields = new RequestFields();
        List<BudgetLimits.Requested> requested = new ArrayList<>();
        for (int i = 0; i < body.limits().size(); i++) {
            LimitRequest limit = body.limits().get(i);
            String usdField = "limits[" + i + "].usd";
            Optional<BigDecimal> usd = fields.read(() -> renamed(usdField, () -> amount(limit)));
            if (usd != null) {
                requested.add(new BudgetLimits.Requested(BudgetScope.parse(limit.scope()), BudgetPeriod.fromWireName("period", limit.period()), usd));
            }
        }
        fields.check();
        return BudgetResponse.from(budget.changeLimits(requested, body.reason(), callers.current()));
    }

    /** A ceiling to set, or none to lift it: exactly one of the two must be asked for. */
    private static Optional<BigDecimal> amount(LimitRequest limit) {
        boolean lift = Boolean.TRUE.equals(limit.lift());
        if (lift && limit.usd() != null) {
            throw new InvalidValueException("usd", "send either usd or lift, not both");
        }
        if (lift) {
            return Optional.empty();
        }
        return Optional.of(BudgetLimit.checkedAmount(limit.usd()));
    }

    /** Reports a value object's refusal under the request's own field path (limits[2].usd). */
    private static <T> T renamed(String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }
}
