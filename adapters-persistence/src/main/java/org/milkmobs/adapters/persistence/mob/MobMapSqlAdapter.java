package org.milkmobs.adapters.persistence.mob;

import com.pgvector.PGvector;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The members of a space's mobs with the unit vectors stored on their membership rows, in one query. */
@Dependent
class MobMapSqlAdapter implements MobMapSource {

    private final Sql sql;

    @Inject
    MobMapSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public List<Member> members(MobSpace space, int limit) {
        return sql.query("""
                SELECT mm.video_id, mm.mob_id, coalesce(m.name, m.label) AS label, mm.vector::text AS vector FROM mob_member mm JOIN mob m ON m.id = mm.mob_id
                WHERE m.space = ? ORDER BY mm.video_id LIMIT ?
                """, row -> new Member(new VideoId(Sql.uuid(row, "video_id")), new MobId(Sql.uuid(row, "mob_id")), row.getString("label"),
                new PGvector(row.getString("vector")).toArray()), space.key(), limit);
    }
}
