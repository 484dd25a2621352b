package no.torn.competence.api.fhir;

import no.torn.competence.domain.CompetenceType;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The identifier and code systems of the FHIR resources. National ones (HPR, Volven) follow the Norwegian basis
 * profile no-basis-Practitioner; where no national code is known for our data, our own code system is used, never a
 * guessed national code.
 */
final class FhirCodes {

    /** HPR number (Helsepersonellregisteret), identifier slice HPR of no-basis-Practitioner. */
    static final String HPR = "urn:oid:2.16.578.1.12.4.1.4.4";
    /** Volven 9060 Kategori helsepersonell: the profession of an authorisation (Helsepersonelloven §48). */
    static final String HEALTH_PERSONNEL_CATEGORY = "urn:oid:2.16.578.1.12.4.1.1.9060";
    /** Volven 7704 Godkjenningstype HPR: 1 = autorisasjon. */
    static final String APPROVAL_TYPE = "urn:oid:2.16.578.1.12.4.1.1.7704";
    /** Volven 7426 specialities of HPR. */
    static final String SPECIALITY = "urn:oid:2.16.578.1.12.4.1.1.7426";

    private static final String OWN = "https://torn.no/fhir/";
    /** Our competence catalogue: the code is the competence type code. */
    static final String COMPETENCE_TYPE = OWN + "CodeSystem/competence-type";
    /** Our personnel groups: the code is the personnel group code. */
    static final String PERSONNEL_GROUP = OWN + "CodeSystem/personnel-group";
    /** Employee numbers are unique per HF only, so the HF is part of the system: {@code .../employee-number/<hf>}. */
    static final String EMPLOYEE_NUMBER = OWN + "NamingSystem/employee-number/";
    /** Hospital trust (HF) codes. */
    static final String HOSPITAL_TRUST = OWN + "NamingSystem/hospital-trust";

    record Code(String code, String display) {
    }

    /** Approval type 1 of Volven 7704. */
    static final Code AUTHORISATION = new Code("1", "Autorisasjon");

    /**
     * The Volven 9060 category of each personnel group whose code was checked against published code lists of 9060
     * (LE, SP, JO, HF, HE, FT, ET, BI). Farmasøyt is two categories in 9060 (FA1 provisorfarmasøyt, FA2
     * reseptarfarmasøyt) that our one group cannot tell apart, so it gets no national code, as the groups without
     * authorisation do.
     */
    static final Map<String, Code> CATEGORY_OF_GROUP = Map.of(
            "lege", new Code("LE", "Lege"),
            "lis", new Code("LE", "Lege"),
            "sykepleier", new Code("SP", "Sykepleier"),
            "spesialsykepleier", new Code("SP", "Sykepleier"),
            "jordmor", new Code("JO", "Jordmor"),
            "helsefagarbeider", new Code("HF", "Helsefagarbeider"),
            "helsesekretaer", new Code("HE", "Helsesekretær"),
            "fysioterapeut", new Code("FT", "Fysioterapeut"),
            "ergoterapeut", new Code("ET", "Ergoterapeut"),
            "bioingenior", new Code("BI", "Bioingeniør"));

    private FhirCodes() {
    }

    /**
     * The health personnel category of an authorisation, from the personnel groups it authorises: the category most
     * of them belong to (AUT-SYKEPLEIER authorises sykepleier, spesialsykepleier and jordmor: SP). A tie, or no group
     * with a known category, gives none.
     */
    static Optional<Code> categoryOf(CompetenceType type) {
        Map<Code, Long> counts = type.authorisesGroups.stream().map(CATEGORY_OF_GROUP::get)
                .filter(c -> c != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        var top = counts.entrySet().stream().filter(e -> e.getValue() == max).map(Map.Entry::getKey).toList();
        return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }
}
