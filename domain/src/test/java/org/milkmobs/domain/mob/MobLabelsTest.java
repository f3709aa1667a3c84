package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;

class MobLabelsTest {

    private static MemberTerms tags(String... hashtags) {
        return new MemberTerms(List.of(hashtags), List.of(), List.of());
    }

    private static MemberTerms member(List<String> hashtags, List<String> screen, List<String> look) {
        return new MemberTerms(hashtags, screen, look);
    }

    @Test
    void labelsFavourHashtagsDistinctiveOfTheMob() {
        Map<String, List<MemberTerms>> mobs = Map.of(
                "skaters", List.of(tags("milkmob", "skatepark", "slowmo"), tags("milkmob", "skatepark"), tags("milkmob", "kickflip")),
                "kitchen", List.of(tags("milkmob", "kitchen", "cereal"), tags("milkmob", "kitchen")));

        Map<String, String> labels = MobLabels.label(mobs, Set.of(), 2);

        assertThat(labels.get("skaters")).isEqualTo("skatepark · kickflip");
        assertThat(labels.get("kitchen")).startsWith("kitchen");
        assertThat(labels.values()).noneMatch(l -> l.contains("milkmob"));
    }

    @Test
    void withOnlyTheCampaignHashtagAMobIsNamedByItsOnScreenWords() {
        Map<String, List<MemberTerms>> mobs = Map.of(
                "bakery", List.of(member(List.of("milkmob"), List.of("bakery", "croissant"), List.of("yellow")),
                        member(List.of("milkmob"), List.of("bakery"), List.of("yellow"))),
                "beach", List.of(member(List.of("milkmob"), List.of("surf", "beach"), List.of("blue")),
                        member(List.of("milkmob"), List.of("beach"), List.of("blue"))));

        Map<String, String> labels = MobLabels.label(mobs, Set.of("milkmob"), 2);

        assertThat(labels.get("bakery")).isEqualTo("bakery · croissant");
        assertThat(labels.get("beach")).isEqualTo("beach · surf");
    }

    @Test
    void aHashtagNearlyEveryMemberUsesIsTheCampaignsEvenWhenNotConfigured() {
        Map<String, List<MemberTerms>> mobs = Map.of(
                "a", List.of(member(List.of("milkmob"), List.of("bakery"), List.of()), member(List.of("milkmob"), List.of("bakery"), List.of())),
                "b", List.of(member(List.of("milkmob"), List.of("beach"), List.of()), member(List.of("milkmob"), List.of("beach"), List.of())),
                "c", List.of(member(List.of("milkmob"), List.of("forest"), List.of()), member(List.of(), List.of("forest"), List.of())));

        Map<String, String> labels = MobLabels.label(mobs, Set.of(), 3);

        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of("a", "bakery", "b", "beach", "c", "forest"));
    }

    @Test
    void withoutOnScreenWordsAMobIsNamedByItsLook() {
        Map<String, List<MemberTerms>> mobs = Map.of(
                "bars", List.of(member(List.of("milkmob"), List.of(), List.of("magenta", "green", "still")),
                        member(List.of("milkmob"), List.of(), List.of("magenta", "still"))),
                "box", List.of(member(List.of("milkmob"), List.of(), List.of("blue", "moving")),
                        member(List.of("milkmob"), List.of(), List.of("blue", "white", "moving"))));

        Map<String, String> labels = MobLabels.label(mobs, Set.of("milkmob"), 2);

        assertThat(labels.get("bars")).isEqualTo("magenta · still");
        assertThat(labels.get("box")).isEqualTo("blue · moving");
    }

    @Test
    void mobsThatLookAlikeStillGetTheirMostFrequentLookWordRatherThanNothing() {
        Map<String, List<MemberTerms>> mobs = Map.of(
                "one", List.of(member(List.of("milkmob"), List.of(), List.of("blue"))),
                "two", List.of(member(List.of("milkmob"), List.of(), List.of("blue"))));

        assertThat(MobLabels.label(mobs, Set.of("milkmob"), 2)).containsEntry("one", "blue").containsEntry("two", "blue");
    }

    @Test
    void aMobWhoseMembersOfferNothingButTheCampaignHashtagIsNamedByIt() {
        Map<String, List<MemberTerms>> mobs = Map.of("only", List.of(tags("milkmob"), tags("milkmob")));

        assertThat(MobLabels.label(mobs, Set.of("milkmob"), 2)).containsEntry("only", "milkmob");
        assertThat(MobLabels.label(Map.of("empty", List.of(MemberTerms.NONE)), Set.of(), 2)).containsEntry("empty", "");
    }

    @Test
    void aMobNameIsOneTrimmedLineOfAtMostEightyCharacters() {
        assertThat(new MobName("  Skate park pours ").value()).isEqualTo("Skate park pours");
        assertThatThrownBy(() -> new MobName(" \u200b ")).isInstanceOf(InvalidValueException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new MobName("x".repeat(81))).isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 80");
        assertThatThrownBy(() -> new MobName("two\nlines")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MobName(null)).isInstanceOf(InvalidValueException.class);
    }
}
