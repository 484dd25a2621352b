package no.torn.platform.application;

import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Roles;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {

    private static Actor actor(String rhf, String hf, String... roles) {
        Set<String> set = Set.of(roles);
        return new Actor("sub-1", "Kari Nordmann", Actor.primaryRole(set), "torn-cli", rhf, hf, null, set);
    }

    @Test
    void roleAtTheTimeIsTheMostPrivilegedHeld() {
        assertThat(Actor.primaryRole(Set.of(Roles.UNIT_LEADER, Roles.RHF_ADMIN))).isEqualTo(Roles.RHF_ADMIN);
        assertThat(Actor.primaryRole(Set.of(Roles.EMPLOYEE))).isEqualTo(Roles.EMPLOYEE);
        assertThat(Actor.primaryRole(Set.of("offline_access"))).isNull();
    }

    @Test
    void foreignRhfIsNotVisibleButANationalAdminSeesAll() {
        Actor vestAdmin = actor("helse-vest", null, Roles.RHF_ADMIN);
        assertThat(vestAdmin.canSee("helse-vest")).isTrue();
        assertThat(vestAdmin.canSee("helse-sor-ost")).isFalse();
        assertThat(actor("helse-vest", null, Roles.NATIONAL_ADMIN).canSee("helse-sor-ost")).isTrue();
    }

    @Test
    void hfBoundRolesSeeOnlyTheirOwnHf() {
        Actor hr = actor("helse-vest", "helse-bergen", Roles.HF_HR);
        assertThat(hr.hfBound()).isTrue();
        assertThat(hr.canSee("helse-vest", "helse-bergen")).isTrue();
        assertThat(hr.canSee("helse-vest", "helse-fonna")).isFalse();
        Actor auditor = actor("helse-vest", null, Roles.AUDITOR);
        assertThat(auditor.hfBound()).isFalse();
        assertThat(auditor.canSee("helse-vest", "helse-fonna")).isTrue();
    }

    @Test
    void visibleAnswers404ForAbsentAndForeignRecords() {
        Actor hr = actor("helse-vest", "helse-bergen", Roles.HF_HR);
        assertThat(hr.visible("record", "helse-vest", "helse-bergen", "Record", 1)).isEqualTo("record");
        assertThatThrownBy(() -> hr.visible("record", "helse-sor-ost", "Record", 1))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(404));
        assertThatThrownBy(() -> hr.visible(null, "helse-vest", "Record", 1)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> hr.visible("record", "helse-vest", "helse-fonna", "Record", 1))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void theSystemActorSeesEveryRhfAndHasNoHomeRhf() {
        Actor job = Actor.system("expiry-job");
        assertThat(job.id()).isEqualTo("system:expiry-job");
        assertThat(job.role()).isEqualTo(Actor.SYSTEM_ROLE);
        assertThat(job.canSee("helse-nord", "unn")).isTrue();
        assertThat(job.hfBound()).isFalse();
        assertThatThrownBy(job::homeRhf).isInstanceOf(ProblemException.class);
    }
}
