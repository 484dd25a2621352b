package no.torn.competence.domain.register;

import java.util.Locale;
import java.util.Optional;

/**
 * The status HPR gives an authorisation or licence. The register's own Norwegian words are accepted beside ours
 * ("gyldig", "suspendert", "tilbakekalt", "utløpt").
 */
public enum ApprovalStatus {
    VALID, SUSPENDED, REVOKED, EXPIRED;

    public static Optional<ApprovalStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "valid", "gyldig" -> Optional.of(VALID);
            case "suspended", "suspendert" -> Optional.of(SUSPENDED);
            case "revoked", "tilbakekalt" -> Optional.of(REVOKED);
            case "expired", "utløpt", "utlopt" -> Optional.of(EXPIRED);
            default -> Optional.empty();
        };
    }
}
