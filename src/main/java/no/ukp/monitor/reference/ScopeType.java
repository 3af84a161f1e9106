package no.ukp.monitor.reference;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a scope is: the whole health community, a region or a municipality. */
public enum ScopeType {
    TOTAL("total"),
    REGION("region"),
    MUNICIPALITY("municipality");

    private final String key;

    ScopeType(String key) {
        this.key = key;
    }

    /** The name in the API and the views' {@code scope_type} column. */
    @JsonValue
    public String key() {
        return key;
    }
}
