package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.mob.MobMapUseCase.MobMap;
import org.milkmobs.application.port.in.mob.MobMapUseCase.MobPlace;
import org.milkmobs.application.port.in.mob.MobMapUseCase.Point;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobMapSource;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

class MobMapServiceTest {

    private final InMemoryMobMapSource source = new InMemoryMobMapSource();
    private final VideoVectors vectors = new VideoVectors(new InMemoryEmbeddingStore(), new EmbeddingModel("local-perceptual-v1", 32),
            new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final MobMapService service = new MobMapService(source, vectors);
    private final Random random = new Random(5);

    @Test
    void twoMobsFarApartInTheVectorSpaceLandApartOnTheMapWithTheirMembersAroundThem() {
        MobId red = MobId.generate();
        MobId blue = MobId.generate();
        float[] redCentre = centre();
        float[] blueCentre = centre();
        for (int i = 0; i < 6; i++) {
            source.add(vectors.space(), VideoId.generate(), red, "red", near(redCentre));
            source.add(vectors.space(), VideoId.generate(), blue, "blue", near(blueCentre));
        }
        source.add(new MobSpace("another-space"), VideoId.generate(), MobId.generate(), "elsewhere", centre());

        MobMap map = service.map(100);

        assertThat(map.space()).isEqualTo(vectors.space().key());
        assertThat(map.points()).hasSize(12).allSatisfy(p -> {
            assertThat(Math.abs(p.x())).isLessThanOrEqualTo(1.0);
            assertThat(Math.abs(p.y())).isLessThanOrEqualTo(1.0);
        });
        assertThat(map.truncated()).isFalse();
        MobPlace redPlace = map.mobs().stream().filter(m -> m.mob().equals(red)).findFirst().orElseThrow();
        MobPlace bluePlace = map.mobs().stream().filter(m -> m.mob().equals(blue)).findFirst().orElseThrow();
        assertThat(redPlace.label()).isEqualTo("red");
        assertThat(redPlace.size()).isEqualTo(6);
        double apart = Math.hypot(redPlace.x() - bluePlace.x(), redPlace.y() - bluePlace.y());
        assertThat(apart).as("the mobs are separated on the map").isGreaterThan(1.0);
        for (Point p : map.points()) {
            MobPlace own = p.mob().equals(red) ? redPlace : bluePlace;
            MobPlace other = p.mob().equals(red) ? bluePlace : redPlace;
            assertThat(Math.hypot(p.x() - own.x(), p.y() - own.y())).isLessThan(Math.hypot(p.x() - other.x(), p.y() - other.y()));
        }
    }

    @Test
    void aLargerSpaceIsCutAtTheLimitAndSaysSoAndTheLimitIsChecked() {
        MobId mob = MobId.generate();
        for (int i = 0; i < 5; i++) {
            source.add(vectors.space(), VideoId.generate(), mob, "m", near(centre()));
        }
        MobMap map = service.map(3);
        assertThat(map.points()).hasSize(3);
        assertThat(map.truncated()).isTrue();
        assertThat(service.map(5).truncated()).isFalse();
        assertThat(new MobMapService(new InMemoryMobMapSource(), vectors).map(10).points()).isEmpty();
        assertThatThrownBy(() -> service.map(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.map(MobMapService.MAX_POINTS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private float[] centre() {
        float[] c = new float[32];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(c);
    }

    private float[] near(float[] centre) {
        float[] v = centre.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (random.nextGaussian() * 0.02);
        }
        return Vectors.normalised(v);
    }
}
