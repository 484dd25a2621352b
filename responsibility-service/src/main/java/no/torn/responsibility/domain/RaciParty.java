package no.torn.responsibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One party (a position or personnel group, not a person) and its RACI role in a clarification. */
@Embeddable
public class RaciParty {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Raci raci;

    @Column(nullable = false)
    public String party;

    public RaciParty() {
    }

    public RaciParty(Raci raci, String party) {
        this.raci = raci;
        this.party = party;
    }
}
