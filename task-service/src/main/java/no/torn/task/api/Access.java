package no.torn.task.api;

import no.torn.platform.tenancy.Roles;

/** Role sets used by the resources. Every TØRN role of an RHF may read the catalogue and mappings. */
final class Access {

    static final String NATIONAL_ADMIN = Roles.NATIONAL_ADMIN;
    static final String RHF_ADMIN = Roles.RHF_ADMIN;
    static final String UNIT_LEADER = Roles.UNIT_LEADER;
    static final String HF_HR = Roles.HF_HR;
    static final String EMPLOYEE = Roles.EMPLOYEE;
    static final String HR_INTEGRATION = Roles.HR_INTEGRATION;
    static final String AUDITOR = Roles.AUDITOR;

    /** Patterns of readable codes. */
    static final String TASK_CODE = "^[A-Z0-9][A-Z0-9-]{1,59}$";
    static final String COMPETENCE_CODE = "^[A-Z0-9][A-Z0-9-]{1,59}$";

    private Access() {
    }
}
