package no.ukp.monitor.reference;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that turns a kommunenummer as written in a file into a current municipality:
 * restores a lost leading zero ({@code 301} → {@code 0301}) and maps old numbers to current ones.
 *
 * @param current  current number → name
 * @param mappings old number → the mapping to a current number
 */
public record MunicipalityNumbers(Map<String, String> current, Map<String, OldNumber> mappings) {

    /** An old number, its name then, and the current number that covers its area now. */
    public record OldNumber(String oldNumber, String oldName, String currentNumber) {
    }

    /** The outcome for one written number: the current number, and the old one if it was mapped. */
    public record Resolved(String number, String name, OldNumber mappedFrom) {
    }

    /** Normalizes a 1–4 digit kommunenummer to 4 digits; empty when it is not 1–4 digits. */
    public static Optional<String> normalize(String written) {
        String digits = written.strip();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(digits.length() == 4 ? digits : "0".repeat(4 - digits.length()) + digits);
    }

    /** The current municipality for a normalized 4-digit number, empty when it is unknown. */
    public Optional<Resolved> resolve(String number) {
        String name = current.get(number);
        if (name != null) {
            return Optional.of(new Resolved(number, name, null));
        }
        OldNumber old = mappings.get(number);
        if (old != null && current.containsKey(old.currentNumber())) {
            return Optional.of(new Resolved(old.currentNumber(), current.get(old.currentNumber()), old));
        }
        return Optional.empty();
    }
}
