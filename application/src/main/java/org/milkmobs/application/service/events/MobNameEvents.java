package org.milkmobs.application.service.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.mob.MobSummary;

/**
 * Announces an admin's name as {@code mob.relabelled}, as {@link MobEvents} does for a computed label: what the mob is
 * called changed. Written in the same transaction as the name.
 */
public class MobNameEvents implements MobNames {

    private final MobNames names;
    private final LoadMobsPort mobs;
    private final EventOutbox outbox;
    private final Clock clock;

    public MobNameEvents(MobNames names, LoadMobsPort mobs, EventOutbox outbox, Clock clock) {
        this.names = names;
        this.mobs = mobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public boolean rename(MobId mob, MobName name) {
        Optional<String> previous = mobs.findMob(mob).map(MobSummary::label);
        if (!names.rename(mob, name)) {
            return false;
        }
        if (!name.value().equals(previous.orElse(null))) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("mobId", mob.toString());
            data.put("label", name.value());
            previous.filter(label -> !label.isEmpty()).ifPresent(label -> data.put("previousLabel", label));
            outbox.append(EventType.MOB_RELABELLED.wireName(), mob.toString(), data, clock.instant());
        }
        return true;
    }

    @Override
    public Optional<MobName> nameOf(MobId mob) {
        return names.nameOf(mob);
    }
}
