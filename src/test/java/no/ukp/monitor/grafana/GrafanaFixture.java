package no.ukp.monitor.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.ingest.SyntheticNational;
import org.jooq.DSLContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Fixture data for the dashboard checks, loaded through the import endpoint like real files.
 * Relative to today (Europe/Oslo), so that the dashboards' default time ranges ("now-2y") always
 * hold data: monthly statistics for the 36 months before the current one for every municipality
 * of the reference data, with gaps (the last municipality lacks the last two months, the
 * second-to-last one month in the middle), readmissions not yet known for the last month, a
 * psykisk_helse_rus series for the first municipality; short-term ward statistics for the same
 * months and the whole baseline year; population for every year; daily snapshots for the last two
 * weeks (one municipality stops reporting four days ago); a revision of three rows; a dry run and
 * a rejected file in the import audit. The action plan through {@code /api/v1/measures} as a planner:
 * measures for the whole community (one linked to no indicator), for the first and for the second
 * municipality, with activities and statuses (one month's status set twice, the second one current).
 */
final class GrafanaFixture {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    final YearMonth first;
    final YearMonth last;
    final List<String> municipalities;
    /** The municipality without the last two months. */
    final String lateMunicipality;
    /** The municipality without one month in the middle. */
    final String gapMunicipality;
    final YearMonth gapMonth;

    private final TestRestTemplate rest;
    private final int baselineYear;

    GrafanaFixture(TestRestTemplate rest, DSLContext dsl) {
        this.rest = rest;
        YearMonth current = YearMonth.now(OSLO);
        this.last = current.minusMonths(1);
        this.first = current.minusMonths(36);
        this.municipalities = dsl.fetch("SELECT number FROM municipality ORDER BY number").getValues(0, String.class);
        assertThat(municipalities).as("reference data").hasSizeGreaterThanOrEqualTo(3);
        this.lateMunicipality = municipalities.get(municipalities.size() - 1);
        this.gapMunicipality = municipalities.get(municipalities.size() - 2);
        this.gapMonth = first.plusMonths(20);
        this.baselineYear = Integer.parseInt(dsl.fetchOne(
                "SELECT value FROM indicator_setting WHERE key = 'baseline_year'").get(0, String.class));
    }

    void load() {
        post("monthly-statistics", monthlyStatistics(), false, HttpStatus.OK);
        post("short-term-stays", shortTermStays(), false, HttpStatus.OK);
        post("population", population(), false, HttpStatus.OK);
        post("snapshots", snapshots(), false, HttpStatus.OK);
        post("monthly-statistics", revision(), false, HttpStatus.OK);
        post("population", "year,municipality,population\n" + last.getYear() + "," + municipalities.get(0) + ",123\n",
                true, HttpStatus.OK);
        post("monthly-statistics", "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n"
                + last + "," + municipalities.get(0) + ",5,6,1,1\n", false, HttpStatus.UNPROCESSABLE_ENTITY);
        plan();
        national();
    }

    /**
     * National figures of two years for five communities (ours with the reference municipalities), by the demo's
     * generator: the nasjonalt dashboard and the vision on måloppnåelse show rows.
     */
    private void national() {
        Map<String, String> ours = new LinkedHashMap<>();
        municipalities.forEach(m -> ours.put(m, "Kommune " + m));
        List<SyntheticNational.Member> members = SyntheticNational.members(ours, "Helsefellesskapet St. Olav", 5, municipalities.size() + 40);
        post("national-municipalities", SyntheticNational.municipalities(members), false, HttpStatus.OK);
        StringBuilder figures = new StringBuilder();
        SyntheticNational.figures(figures, members, last.getYear() - 2, last.getYear() - 1,
                (municipality, year) -> SyntheticNational.population(7, municipality, 0, year));
        post("national-statistics", figures.toString(), false, HttpStatus.OK);
    }

    /** The measures of the action plan, each with statuses for months before {@code last}. */
    private void plan() {
        JsonNode shared = measure("total", "Felles utskrivningsplan fra første dag", "Kompetansegruppen", "hoy", "stort", 14, -6,
                List.of("ukp_days", "zero_day_share"),
                List.of(activity("Opplæring av koordinatorer", "Helse og velferd", 14, 10), activity("Felles tavlemøte", null, 12, null)));
        status(shared, 2, "yellow", "Forsinket i to kommuner");
        status(shared, 1, "yellow", "Fortsatt forsinket");
        status(shared, 1, "green", "Innhentet etter tavlemøtet");
        status(shared.path("activities").get(0), 10, "green", "Fullført");
        JsonNode local = measure("municipality:" + municipalities.get(0), "Forsterket utskrivningsteam", "Tjenestekontoret", "middel",
                "middels", 8, null, List.of("avg_ukp_days"), List.of(activity("Rekruttere sykepleier", "Hjemmetjenesten", 8, 6)));
        status(local, 3, "green", null);
        status(local, 1, "red", "Mangler bemanning");
        status(local.path("activities").get(0), 5, "yellow", "Én av to stillinger besatt");
        JsonNode neighbour = measure("municipality:" + municipalities.get(1), "Korttidsplasser med rehabilitering", "Helsehuset", "lav",
                "lite", 6, 6, List.of("direct_home_share", "readmission_30d_share"), List.of(activity("Ombygging", null, 6, 3)));
        status(neighbour, 3, "green", null);
        measure("total", "Felles kompetanseplan", null, null, null, 5, null, List.of(), List.of()); // linked to no indicator
    }

    /** Adds a measure starting {@code startBack} months before {@code last} (ending {@code endBack} before it, or open). */
    private JsonNode measure(String scope, String title, String owner, String priority, String size, int startBack, Integer endBack,
                             List<String> indicators, List<Map<String, Object>> activities) {
        Map<String, Object> body = activity(title, owner, startBack, endBack);
        body.put("priority", priority);
        body.put("size", size);
        body.put("scope", scope);
        body.put("indicators", indicators);
        body.put("activities", activities);
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "planner").postForEntity("/api/v1/measures", body, JsonNode.class);
        assertThat(response.getStatusCode()).as("measure %s: %s", title, response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private Map<String, Object> activity(String title, String owner, int startBack, Integer endBack) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("title", title);
        activity.put("owner", owner);
        activity.put("startMonth", last.minusMonths(startBack).toString());
        activity.put("endMonth", endBack == null ? null : last.minusMonths(endBack).toString());
        return activity;
    }

    private void status(JsonNode measure, int monthsBack, String status, String comment) {
        long id = measure.path("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", last.minusMonths(monthsBack).toString());
        body.put("status", status);
        body.put("comment", comment);
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "planner").postForEntity("/api/v1/measures/" + id + "/status", body,
                JsonNode.class);
        assertThat(response.getStatusCode()).as("status of %d: %s", id, response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void post(String dataset, String csv, boolean dryRun, HttpStatus expected) {
        ResponseEntity<JsonNode> response = new ImportClient(rest).post(dataset, csv.getBytes(StandardCharsets.UTF_8),
                ImportClient.CSV, dryRun);
        assertThat(response.getStatusCode()).as("%s: %s", dataset, response.getBody()).isEqualTo(expected);
    }

    private String monthlyStatistics() {
        StringBuilder csv = new StringBuilder("month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        int k = 0;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1), k++) {
            for (int i = 0; i < municipalities.size(); i++) {
                String number = municipalities.get(i);
                if (number.equals(lateMunicipality) && month.isAfter(last.minusMonths(2))
                        || number.equals(gapMunicipality) && month.equals(gapMonth)) {
                    continue;
                }
                int stays = 4 + (i * 7 + k * 3) % 23 + (i == 0 ? 40 : 0);
                int zeroDay = stays * (76 + (i + k) % 17) / 100;
                int days = (stays - zeroDay) * (1 + (i + 2 * k) % 4) + k % 3;
                int home = stays * (22 + (i * 3 + k) % 16) / 100;
                String readmissions = month.equals(last) ? "" : Integer.toString(stays * (10 + (i + k) % 9) / 100);
                csv.append(month).append(',').append(number).append(",somatikk,").append(stays).append(',').append(zeroDay)
                        .append(',').append(days).append(',').append(home).append(',').append(readmissions).append('\n');
            }
            csv.append(month).append(',').append(municipalities.get(0)).append(",psykisk_helse_rus,6,1,25,2,1\n");
        }
        return csv.toString();
    }

    /** Three rows of an earlier month corrected: readmissions and UKP-days. */
    private String revision() {
        StringBuilder csv = new StringBuilder("month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        YearMonth month = last.minusMonths(3);
        for (int i = 0; i < 3; i++) {
            csv.append(month).append(',').append(municipalities.get(i)).append(",somatikk,40,30,25,12,").append(i + 2).append('\n');
        }
        return csv.toString();
    }

    private String shortTermStays() {
        StringBuilder csv = new StringBuilder("month,municipality,unit,discharges,los_days\n");
        java.util.SortedSet<YearMonth> months = new java.util.TreeSet<>();
        for (int m = 1; m <= 12; m++) {
            months.add(YearMonth.of(baselineYear, m));
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        String[][] units = {{municipalities.get(0), "oya-helsehus"}, {municipalities.get(1), "korttid-" + municipalities.get(1)},
                {municipalities.get(2), "korttid-" + municipalities.get(2)}};
        for (YearMonth month : months) {
            int years = Math.max(0, month.getYear() - baselineYear);
            for (int u = 0; u < units.length; u++) {
                int discharges = 40 + u * 15 + month.getMonthValue();
                int perStay = Math.max(5, 20 - 2 * years - u - month.getMonthValue() % 3);
                csv.append(month).append(',').append(units[u][0]).append(',').append(units[u][1]).append(',')
                        .append(discharges).append(',').append(discharges * perStay).append('\n');
            }
        }
        return csv.toString();
    }

    private String population() {
        StringBuilder csv = new StringBuilder("year,municipality,population\n");
        for (int year = Math.min(baselineYear, first.getYear()); year <= YearMonth.now(OSLO).getYear(); year++) {
            for (int i = 0; i < municipalities.size(); i++) {
                int population = i == 0 ? 210_000 + 1_000 * (year % 10) : 900 + (i * 3_779) % 20_000;
                csv.append(year).append(',').append(municipalities.get(i)).append(',').append(population).append('\n');
            }
        }
        return csv.toString();
    }

    private String snapshots() {
        StringBuilder csv = new StringBuilder("timestamp,municipality,area,ukp_patients,waiting_over_1_day\n");
        ZonedDateTime today = ZonedDateTime.now(OSLO).truncatedTo(ChronoUnit.DAYS).with(LocalTime.of(8, 0));
        for (int d = 14; d >= 1; d--) {
            ZonedDateTime at = today.minusDays(d);
            for (int i = 0; i < municipalities.size(); i++) {
                if (i == 1 && d < 4) {
                    continue; // stops reporting: its latest snapshot is older than the others'
                }
                int patients = (i + d) % 6 + (i == 0 ? 9 : 0);
                csv.append(at.toOffsetDateTime()).append(',').append(municipalities.get(i)).append(",somatikk,")
                        .append(patients).append(',').append(patients / 2).append('\n');
            }
            csv.append(at.toOffsetDateTime()).append(',').append(municipalities.get(0)).append(",psykisk_helse_rus,2,\n");
        }
        return csv.toString();
    }
}
