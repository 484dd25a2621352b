package no.torn.competence.domain.register;

import java.util.Optional;

/**
 * Helsepersonellregisteret (HPR), the national register of authorised health personnel, as this service asks it.
 * Implementations call the register once per question; retrying is the caller's decision.
 */
public interface HealthPersonnelRegister {

    /**
     * The person with this HPR number and their authorisations and licences; empty when the register knows no such
     * person.
     *
     * @throws RegisterUnavailable when the register cannot answer (refused connection, timeout, 5xx) or answers
     *                             something that cannot be read
     */
    Optional<RegisterPerson> find(String hprNumber);
}
