package no.ukp.monitor.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** The action plan as the API answers it, named as in the contract ("Measures"). */
public final class Measures {

    private Measures() {
    }

    /**
     * A measure (tiltak), or one of its activities (aktivitet): an activity has no {@code indicators}
     * and no {@code activities}.
     *
     * @param priority  {@code hoy} | {@code middel} | {@code lav}, or null
     * @param size      {@code stort} | {@code middels} | {@code lite}, or null
     * @param scope     {@code total} | {@code region:<id>} | {@code municipality:<kommunenummer>}
     * @param statuses  newest first, every status ever set (history kept)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(long id, String title, String description, String owner, String priority, String size,
                          String startMonth, String endMonth, String scope, List<String> indicators, List<Measure> activities,
                          List<StatusEntry> statuses, boolean synthetic, int revision) {
    }

    /** A status set for a month: {@code green} | {@code yellow} | {@code red}, with who set it and when. */
    public record StatusEntry(String month, String status, String comment, String setBy, OffsetDateTime recordedAt) {
    }

    /**
     * A measure as a planner sends it (POST and PUT). {@code activities}: new ones without {@code id}; on PUT one
     * with the {@code id} of an existing activity replaces it; activities left out are kept.
     */
    public record MeasureInput(Long id, String title, String description, String owner, String priority, String size,
                               String startMonth, String endMonth, String scope, List<String> indicators,
                               List<MeasureInput> activities) {
    }

    /** {@code POST /api/v1/measures/{id}/status}. */
    public record StatusInput(String month, String status, String comment) {
    }
}
