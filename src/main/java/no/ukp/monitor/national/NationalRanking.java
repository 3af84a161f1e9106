package no.ukp.monitor.national;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One year's national ranking in one measure, as {@code /api/v1/national/ranking} answers it: our
 * community's place (null for a measure that ranks municipalities only), every community, and each
 * of our municipalities among all municipalities, with where the figures come from.
 */
public record NationalRanking(int year, String measure, Ours ours, List<Community> communities,
                              List<Place> ourMunicipalities, Source source) {

    /**
     * Our community's place: rank 1 = best (lowest), n = communities with a value, status green / yellow / red
     * (no_data when it has no value).
     */
    public record Ours(String community, String name, BigDecimal value, Integer rank, int n, BigDecimal percentile,
                       boolean amongTheBest, String status) {
    }

    /** A community in rank order; value and rank null when a member lacks its population. */
    public record Community(String community, String name, BigDecimal value, Integer rank) {
    }

    /** A municipality's place among all municipalities. */
    public record Place(String municipality, String name, String community, BigDecimal value, Integer rank, int n,
                        BigDecimal percentile, boolean amongTheBest, String status) {
    }

    /** Where the year's figures come from: the imported files, when, and whether they are synthetic demo data. */
    public record Source(boolean synthetic, OffsetDateTime importedAt, String files) {
    }
}
