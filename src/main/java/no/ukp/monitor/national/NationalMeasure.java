package no.ukp.monitor.national;

import java.util.Arrays;
import java.util.Optional;

/** The measures the national comparison ranks by: their API names and Norwegian names. */
public enum NationalMeasure {

    /** Σ UKP-days / Σ population × 1 000: communities and municipalities. */
    UKP_DAYS_PER_1000("ukp_days_per_1000", "UKP-døgn per 1 000 innbyggere", true),
    /** The published age- and sex-standardised rate as published: municipalities only (it cannot be combined). */
    UKP_DAYS_PER_1000_STANDARDISED("ukp_days_per_1000_standardised",
            "UKP-døgn per 1 000 innbyggere, alders- og kjønnsstandardisert", false);

    private final String key;
    private final String text;
    private final boolean ranksCommunities;

    NationalMeasure(String key, String text, boolean ranksCommunities) {
        this.key = key;
        this.text = text;
        this.ranksCommunities = ranksCommunities;
    }

    public String key() {
        return key;
    }

    public String text() {
        return text;
    }

    /** Whether communities are ranked by it (only a rate formed from days and population can be). */
    public boolean ranksCommunities() {
        return ranksCommunities;
    }

    static Optional<NationalMeasure> of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
