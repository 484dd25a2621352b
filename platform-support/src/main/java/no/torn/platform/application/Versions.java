package no.torn.platform.application;

import no.torn.platform.problem.ProblemException;

/**
 * The one optimistic version check of commands that change a resource: the client sends the version it read, and a
 * change to anything newer is refused with a 409 stale-version problem instead of overwriting someone else's work.
 * Hibernate's {@code @Version} still guards the race between this check and the commit.
 */
public final class Versions {

    private Versions() {
    }

    /**
     * @param current  the version stored now
     * @param expected the version the client read; null is a 400 naming {@code version}
     */
    public static void require(long current, Long expected) {
        if (expected == null) {
            throw ProblemException.invalid("version", "is required; send the version you read");
        }
        if (expected != current) {
            throw ProblemException.staleVersion(expected, current);
        }
    }
}
