package no.ukp.monitor.reference;

import java.util.List;

/** A kommuneregion and the numbers of its municipalities. */
public record Region(String id, String name, List<String> municipalities) {
}
