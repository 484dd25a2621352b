package no.torn.platform.application;

import no.torn.platform.problem.ProblemException;

/**
 * The one transition guard: a move the status enum does not declare is a 409 conflict naming the current state and
 * the states it may move to.
 */
public final class Transitions {

    private Transitions() {
    }

    /** @return {@code to}, for {@code entity.status = Transitions.move(entity.status, TO, "Delegation " + id)} */
    public static <S extends Enum<S> & Lifecycle<S>> S move(S from, S to, String what) {
        if (from == null || !from.canMoveTo(to)) {
            throw ProblemException.conflict(what + " cannot move from " + from + " to " + to
                    + (from == null || from.isFinal() ? "" : "; allowed next: " + from.next()));
        }
        return to;
    }
}
