package no.torn.platform.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryFilterTest {

    @Test
    void skipsFiltersLeftOutAndBindsTheRest() {
        QueryFilter filter = new QueryFilter().eq("rhf", "helse-vest").eq("hf", " ").eq("status", null)
                .eq("employee.id", "employee", 7).clause("lower(name) like :q", "q", "%ola%").raw("rhf is not null");

        assertThat(filter.where("name"))
                .isEqualTo("rhf = :rhf and employee.id = :employee and lower(name) like :q and rhf is not null order by name");
        assertThat(filter.params()).isEqualTo(Map.of("rhf", "helse-vest", "employee", 7, "q", "%ola%"));
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(new QueryFilter().where()).isEqualTo("1 = 1");
    }
}
