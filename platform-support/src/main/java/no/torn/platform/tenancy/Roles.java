package no.torn.platform.tenancy;

/** Realm roles of the {@code torn} Keycloak realm (docs/architecture.md, "Tenancy and roles"). */
public final class Roles {
    public static final String NATIONAL_ADMIN = "national-admin";
    public static final String RHF_ADMIN = "rhf-admin";
    public static final String HF_HR = "hf-hr";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String EMPLOYEE = "employee";
    public static final String HR_INTEGRATION = "hr-integration";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
