package no.ukp.monitor.reference;

/** Published when the admin changes the reference data (a municipality or an old number); listeners act after the commit. */
public record ReferenceDataChanged(String number) {
}
