package no.ukp.monitor.national;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Reads the ranking views of {@code sql/R__national.sql} by name (they have no jOOQ classes): the
 * arithmetic is theirs alone.
 */
@Repository
class NationalRepository {

    private static final String COLUMNS = "value, rank, n, percentile, among_the_best, status, ours";

    private final DSLContext dsl;

    NationalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A community or a municipality in a year's ranking. */
    record Ranked(String id, String name, String community, String communityName, BigDecimal value, Integer rank, int n,
                  BigDecimal percentile, boolean amongTheBest, String status, boolean ours) {
    }

    /** The latest year with national figures, not after {@code upTo} (null: any). */
    Optional<Integer> latestYear(Integer upTo) {
        return Optional.ofNullable(dsl.fetchValue("SELECT max(year) FROM national_statistics WHERE {0}::integer IS NULL OR year <= {0}",
                upTo)).map(v -> ((Number) v).intValue());
    }

    boolean hasYear(int year) {
        return dsl.fetchExists(dsl.selectOne().from("national_statistics").where("year = {0}", year));
    }

    /** Every community of the year: ranked ones by rank, then those without a value, by name. */
    List<Ranked> communities(int year) {
        return dsl.resultQuery("SELECT community AS id, name, community, name AS community_name, " + COLUMNS
                        + " FROM national_community_ranking WHERE year = {0} ORDER BY rank NULLS LAST, name, community", year)
                .fetch(NationalRepository::ranked);
    }

    /** Every municipality of the year in the measure (only ours when {@code oursOnly}): by rank, then by number. */
    List<Ranked> municipalities(int year, NationalMeasure measure, boolean oursOnly) {
        return dsl.resultQuery("SELECT municipality AS id, name, community, community_name, " + COLUMNS
                        + " FROM national_municipality_ranking WHERE year = {0} AND measure = {1}"
                        + (oursOnly ? " AND ours" : "") + " ORDER BY rank NULLS LAST, municipality", year, measure.key())
                .fetch(NationalRepository::ranked);
    }

    Optional<NationalRanking.Source> source(int year) {
        return dsl.resultQuery("SELECT synthetic, imported_at, file_names FROM national_year WHERE year = {0}", year)
                .fetchOptional(r -> new NationalRanking.Source(Boolean.TRUE.equals(r.get(0, Boolean.class)),
                        r.get(1, OffsetDateTime.class), r.get(2, String.class)));
    }

    private static Ranked ranked(Record r) {
        return new Ranked(r.get("id", String.class), r.get("name", String.class), r.get("community", String.class),
                r.get("community_name", String.class), r.get("value", BigDecimal.class), r.get("rank", Integer.class),
                r.get("n", Integer.class), r.get("percentile", BigDecimal.class),
                Boolean.TRUE.equals(r.get("among_the_best", Boolean.class)), r.get("status", String.class),
                Boolean.TRUE.equals(r.get("ours", Boolean.class)));
    }
}
