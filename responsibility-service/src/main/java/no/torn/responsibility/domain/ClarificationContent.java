package no.torn.responsibility.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The editable content of a clarification, already checked for shape by the API layer. */
public record ClarificationContent(String hf, String unit, UUID mappingId, String taskCode, String delegatingGroup,
                                   String performingGroup, String supervisorRole, String legalBasis,
                                   String riskAssessment, String conditions, LocalDate activeFrom,
                                   LocalDate reviewDate, List<RaciParty> parties) {
}
