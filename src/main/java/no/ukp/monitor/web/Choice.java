package no.ukp.monitor.web;

/** One option of a list on a page ({@code templates/fields.html :: select}): what is sent, and what people read. */
public record Choice(String value, String label) {
}
