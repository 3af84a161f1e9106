package no.ukp.monitor.security;

import java.util.List;

/**
 * What a user may do. Every user reads; exports (CSV, reports for download), imports,
 * administration (targets, reference data, undoing an import) and the action plan (measures and
 * their statuses) are granted per user.
 */
public enum Role {
    READ, EXPORT, IMPORT, ADMIN, PLAN;

    /**
     * The names of the built-in users, each a set of roles ({@link #of}): what a person signed in
     * through single sign-on is given (by a claim or by the admin, {@link PersonRoles}).
     */
    static final List<String> USERS = List.of("viewer", "analyst", "ingest", "planner", "admin");

    /** The built-in users and their roles, as in the contract's "Access" section. */
    static List<Role> of(String user) {
        return switch (user) {
            case "viewer" -> List.of(READ);
            case "analyst" -> List.of(READ, EXPORT);
            case "ingest" -> List.of(READ, IMPORT);
            case "admin" -> List.of(READ, EXPORT, IMPORT, ADMIN);
            case "planner" -> List.of(READ, PLAN);
            default -> throw new IllegalArgumentException("unknown user " + user);
        };
    }
}
