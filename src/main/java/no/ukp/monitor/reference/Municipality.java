package no.ukp.monitor.reference;

/** A current municipality (kommune) with its 4-digit kommunenummer. */
public record Municipality(String number, String name, String regionId) {
}
