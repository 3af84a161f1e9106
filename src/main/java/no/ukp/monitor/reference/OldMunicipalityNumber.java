package no.ukp.monitor.reference;

import java.time.LocalDate;

/**
 * A kommunenummer no longer in use (before the 2018 Trøndelag merger or a later municipal
 * merger) and the current number that covers its area now: files that carry it are imported
 * under the current number.
 *
 * @param validUntil the last day the old number was in use
 */
public record OldMunicipalityNumber(String oldNumber, String currentNumber, String oldName, LocalDate validUntil,
                                    String note) {
}
