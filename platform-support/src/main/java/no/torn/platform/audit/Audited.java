package no.torn.platform.audit;

/** The entity an audit line is about: its type (e.g. {@code DELEGATION}), id, and the RHF and HF that own it. */
public record Audited(String type, Object id, String rhf, String hf) {

    /** The owner of national records (national tasks, competence types, grant rounds): read by national admins. */
    public static final String NATIONAL = "national";

    public static Audited of(String type, Object id, String rhf) {
        return new Audited(type, id, rhf, null);
    }
}
