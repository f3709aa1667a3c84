package org.milkmobs.adapters.persistence.mob;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;

/** Names in the mob row itself ({@code mob.name}, V33): a re-clustering that keeps the id copies it along. */
@Dependent
class MobNamesAdapter implements MobNames {

    private final Sql sql;

    @Inject
    MobNamesAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public boolean rename(MobId mob, MobName name) {
        // naming is not a change of membership: updated_at stays, so it triggers no relabelling
        return sql.update("UPDATE mob SET name = ? WHERE id = ? AND size > 0", name.value(), mob.value()) == 1;
    }

    @Override
    public Optional<MobName> nameOf(MobId mob) {
        return sql.query("SELECT name FROM mob WHERE id = ? AND size > 0 AND name IS NOT NULL", row -> new MobName(row.getString("name")),
                mob.value()).stream().findFirst();
    }
}
