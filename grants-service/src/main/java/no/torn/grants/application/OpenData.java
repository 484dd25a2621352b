package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.grants.domain.OrganisationNumbers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reference data the open-data exports need: verified organisation numbers of the RHFs and HFs. */
@ApplicationScoped
public class OpenData {

    @Inject
    EntityManager em;

    /**
     * Organisation numbers by RHF or HF code. A number failing the MOD11 check is left out, so an organisation is
     * never published under a wrong identifier.
     */
    public Map<String, String> organisationNumbers() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, org_number from organisation_number").getResultList();
        Map<String, String> numbers = new HashMap<>();
        for (Object[] row : rows) {
            String number = String.valueOf(row[1]).trim();
            if (OrganisationNumbers.valid(number)) {
                numbers.put((String) row[0], number);
            }
        }
        return numbers;
    }
}
