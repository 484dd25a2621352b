package no.torn.task.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.task.domain.StaffEligibility;

import java.time.Clock;

/** Resolves the unit a staff query is about: the HF must belong to the caller's RHF (national admins: any). */
@RequestScoped
public class UnitScopes {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    StaffEligibility.UnitScope resolve(String hf, String unit, String validOn) {
        String rhf = caller.rhf();
        if (caller.isNationalAdmin() && hf != null) {
            rhf = HealthRegion.ofHospitalTrust(hf).map(HealthRegion::code)
                    .orElseThrow(() -> ProblemException.invalid("hf", "unknown hospital trust " + hf));
        }
        caller.requireOwnHf(hf, rhf, "hf");
        return new StaffEligibility.UnitScope(rhf, hf, unit, Dates.dateOrToday(validOn, "validOn", clock));
    }
}
