package org.milkmobs.application.service.mob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.application.port.in.mob.MobMapUseCase;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.Projection;

/** Projects the mob members' vectors onto their two principal components, computed here rather than in the browser. */
public class MobMapService implements MobMapUseCase {

    public static final int MAX_POINTS = 5_000;

    private final MobMapSource source;
    private final VideoVectors vectors;

    public MobMapService(MobMapSource source, VideoVectors vectors) {
        this.source = source;
        this.vectors = vectors;
    }

    @Override
    public MobMap map(int limit) {
        if (limit < 1 || limit > MAX_POINTS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_POINTS);
        }
        MobSpace space = vectors.space();
        List<MobMapSource.Member> members = source.members(space, limit + 1);
        boolean truncated = members.size() > limit;
        if (truncated) {
            members = members.subList(0, limit);
        }
        List<double[]> plane = Projection.toPlane(members.stream().map(MobMapSource.Member::vector).toList());
        double scale = 1e-12;
        for (double[] p : plane) {
            scale = Math.max(scale, Math.max(Math.abs(p[0]), Math.abs(p[1])));
        }
        List<Point> points = new ArrayList<>();
        Map<MobId, double[]> sums = new LinkedHashMap<>(); // x, y, count
        Map<MobId, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            MobMapSource.Member member = members.get(i);
            double x = plane.get(i)[0] / scale;
            double y = plane.get(i)[1] / scale;
            points.add(new Point(member.video(), member.mob(), x, y));
            double[] sum = sums.computeIfAbsent(member.mob(), m -> new double[3]);
            sum[0] += x;
            sum[1] += y;
            sum[2]++;
            labels.put(member.mob(), member.mobLabel());
        }
        List<MobPlace> mobs = sums.entrySet().stream().map(e -> new MobPlace(e.getKey(), labels.get(e.getKey()),
                (int) e.getValue()[2], e.getValue()[0] / e.getValue()[2], e.getValue()[1] / e.getValue()[2])).toList();
        return new MobMap(space.key(), points, mobs, truncated);
    }
}
