package no.torn.competence.domain.register;

import java.util.Locale;
import java.util.Optional;

/** How HPR approves a person for a personnel category: authorisation (autorisasjon) or licence (lisens). */
public enum ApprovalType {
    AUTHORISATION, LICENCE;

    public static Optional<ApprovalType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "authorisation", "authorization", "autorisasjon" -> Optional.of(AUTHORISATION);
            case "licence", "license", "lisens" -> Optional.of(LICENCE);
            default -> Optional.empty();
        };
    }
}
