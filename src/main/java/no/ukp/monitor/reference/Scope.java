package no.ukp.monitor.reference;

import java.util.List;

/**
 * What an indicator is computed for: the whole health community ({@code total}), a region
 * ({@code region:<id>}) or a municipality ({@code municipality:<kommunenummer>}).
 *
 * @param type           the whole community, a region or a municipality
 * @param id             {@code total}, the region id or the kommunenummer
 * @param name           Norwegian display name
 * @param municipalities the current municipalities it covers
 */
public record Scope(ScopeType type, String id, String name, List<String> municipalities) {

    public static final String TOTAL_NAME = "Helsefellesskapet";

    /** The scope as written in the API, e.g. {@code region:fjellregionen}. */
    public String key() {
        return key(type.key(), id);
    }

    /** The key of a scope as the views name it ({@code scope_type}, {@code scope_id}). */
    public static String key(String type, String id) {
        return type.equals(ScopeType.TOTAL.key()) ? type : type + ":" + id;
    }
}
