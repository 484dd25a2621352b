package no.torn.task.api;

/** Patterns of the readable codes request bodies carry. */
final class Codes {

    static final String TASK_CODE = "^[A-Z0-9][A-Z0-9-]{1,59}$";
    static final String COMPETENCE_CODE = "^[A-Z0-9][A-Z0-9-]{1,59}$";

    private Codes() {
    }
}
