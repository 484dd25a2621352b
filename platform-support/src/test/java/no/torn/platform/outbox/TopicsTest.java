package no.torn.platform.outbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void eachRhfAndTheNationalScopeHaveTheirOwnTopic() {
        assertThat(Topics.of("torn.{rhf}.competence.v1", "helse-vest")).isEqualTo("torn.helse-vest.competence.v1");
        assertThat(Topics.of("torn.{rhf}.competence.v1", "helse-sor-ost")).isEqualTo("torn.helse-sor-ost.competence.v1");
        assertThat(Topics.of("torn.{rhf}.task.v1", "national")).isEqualTo("torn.national.task.v1");
        assertThat(Topics.deadLetterOf("torn.helse-nord.task.v1")).isEqualTo("torn.helse-nord.task.v1.dlq");
    }

    @Test
    void anEventOfNoKnownScopeIsNeverPublished() {
        assertThatThrownBy(() -> Topics.of("torn.{rhf}.task.v1", "helse-ost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.of("torn.{rhf}.task.v1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.of("torn.task.v1", "helse-vest")).isInstanceOf(IllegalStateException.class);
    }
}
