package no.torn.platform.outbox;

import no.torn.platform.tenancy.HealthRegion;

/**
 * The event bus layout: each RHF's events go to its own topics, {@code torn.<rhf>.<service>.v1}, and national records
 * (catalogue, rounds) to {@code torn.national.<service>.v1}, so the broker's ACLs, not consumers' filters, keep one
 * RHF's personal data away from another's integrations. Keys (aggregate ids) and per-aggregate order are unchanged.
 */
public final class Topics {

    /** The scope of records that belong to no single RHF. */
    public static final String NATIONAL = "national";
    /** Stands for the scope in a topic template, e.g. {@code torn.{rhf}.competence.v1}. */
    public static final String PLACEHOLDER = "{rhf}";

    private Topics() {
    }

    /** The topic of an event of {@code rhf} (an RHF code or {@value #NATIONAL}); anything else is a defect. */
    public static String of(String template, String rhf) {
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalStateException("Topic template " + template + " lacks " + PLACEHOLDER);
        }
        if (!NATIONAL.equals(rhf) && HealthRegion.fromCode(rhf).isEmpty()) {
            throw new IllegalArgumentException("An event must belong to an RHF or be national, not " + rhf);
        }
        return template.replace(PLACEHOLDER, rhf);
    }

    /** Where a consumer puts an event it cannot apply: beside the topic it came from. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
