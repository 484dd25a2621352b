package no.torn.grants.api;

import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.PotSplit;
import no.torn.grants.domain.PotStatus;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.domain.RoundStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of grant rounds and RHF pots. */
public final class RoundDtos {

    private RoundDtos() {
    }

    public record SplitView(long rhfPot, long rhfActivities, long evaluationReserve, long hfPot) {
        static SplitView of(PotSplit s) {
            return new SplitView(s.rhfPot(), s.rhfActivities(), s.evaluationReserve(), s.hfPot());
        }
    }

    public record PotView(UUID id, UUID roundId, String rhf, PotStatus status, long amount, Long rhfActivitiesAmount,
                          BigDecimal rhfActivitiesPercent, long evaluationReserve, long minimumAmount,
                          List<AllocationCalculator.Participant> participants, SplitView split, Instant updatedAt,
                          long version) {
        static PotView of(RhfPot p) {
            SplitView split;
            try {
                split = SplitView.of(p.split());
            } catch (RuntimeException notYetConsistent) {
                split = null;
            }
            return new PotView(p.id, p.roundId, p.rhf, p.status, p.amount, p.rhfActivitiesAmount, p.rhfActivitiesPercent,
                    p.evaluationReserve, p.minimumAmount, p.participantList(), split, p.updatedAt, p.version);
        }
    }

    public record RoundView(UUID id, int year, String programme, String title, long nationalAmount,
                            RoundStatus status, Instant createdAt, Instant updatedAt, long version,
                            List<PotView> pots) {
        static RoundView of(GrantRound r, List<RhfPot> pots) {
            return new RoundView(r.id, r.year, r.programme, r.title, r.nationalAmount, r.status, r.createdAt,
                    r.updatedAt, r.version, pots.stream().map(PotView::of).toList());
        }
    }
}
