package no.ukp.monitor.indicator;

/** A target version was added (published after it is stored); whatever is held against targets is refreshed. */
public record TargetStored(String indicator, String scope, String validFrom) {
}
