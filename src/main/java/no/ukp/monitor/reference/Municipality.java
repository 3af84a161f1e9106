package no.ukp.monitor.reference;

/**
 * A current municipality (kommune) with its 4-digit kommunenummer, its region and the month it
 * belongs to the helsefellesskap from ({@code YYYY-MM}; {@code 2000-01} for the original members).
 */
public record Municipality(String number, String name, String regionId, String memberFrom) {
}
