package no.torn.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    @Test
    void eachRootHasOneOwner() {
        assertThat(RouteTable.serviceFor("/api/v1/competence")).hasValue("competence");
        assertThat(RouteTable.serviceFor("/api/v1/competence/me")).hasValue("competence");
        assertThat(RouteTable.serviceFor("/api/v1/coverage/x")).hasValue("task");
        assertThat(RouteTable.serviceFor("/api/v1/experience/reports")).hasValue("grants");
        assertThat(RouteTable.serviceFor("/api/v1/responsibility/matrix")).hasValue("responsibility");
        assertThat(RouteTable.serviceFor("/api/v1/competencex")).isEmpty();
        assertThat(RouteTable.serviceFor("/nothing-here")).isEmpty();
        assertThat(RouteTable.serviceFor("/api/v2/tasks")).isEmpty();
        assertThat(RouteTable.serviceFor("/q/openapi")).isEmpty();
        assertThat(RouteTable.rootsOf("task")).containsExactly("/api/v1/coverage", "/api/v1/process-mappings",
                "/api/v1/sharing-mappings", "/api/v1/tasks");
    }

    @Test
    void eachAuditEndpointBelongsToItsService() {
        assertThat(RouteTable.serviceFor("/api/v1/competence/audit")).hasValue("competence");
        assertThat(RouteTable.serviceFor("/api/v1/tasks/audit")).hasValue("task");
        assertThat(RouteTable.serviceFor("/api/v1/responsibility/audit")).hasValue("responsibility");
        assertThat(RouteTable.serviceFor("/api/v1/grants/audit")).hasValue("grants");
    }
}
