package no.ukp.monitor.report;


import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The hand-made data the report tests read, imported through the import endpoint after the
 * database is emptied. Months 2023-07..2025-06 (index i = 0..23); a value "a ± b" is a + b in
 * even months and a − b in odd ones, so any 12 months in a row sum to 12 × a.
 * <pre>
 *   5001 Trondheim  every month: stays 200, 0-day 150 ± 10, days 120 ± 20, home 70 ± 10, readmissions 30
 *   5028 Melhus     every month: stays 50, 0-day 40, days 30, home 20, readmissions 8
 *   5021 Oppdal     not 2025-03 and 2025-06: stays 20, 0-day 15, days 10, home 6, readmissions 2
 *   June 2025 (odd): readmissions not yet known; one psykisk_helse_rus row that must not count
 *   Øya helsehus (5001): 2023 discharges 100, LOS days 1000 each month; 2024-01..2025-06 LOS 820 ± 30
 * </pre>
 * Total, June 2025, by hand. Month: days 100 + 30 = 130, stays 250, 0-day 140 + 40 = 180,
 * home 60 + 20 = 80. Rolling 12 (2024-07..2025-06): stays 2400 + 600 + 200 = 3200, 0-day
 * 1800 + 480 + 150 = 2430, days 1440 + 360 + 100 = 1900, home 840 + 240 + 60 = 1140,
 * readmissions 330 + 88 + 20 = 438 over 2200 + 550 + 200 = 2950 stays where known.
 * <pre>
 *   ukp_days               rolling12 1 900 (red)      month 130      ytd 940, projected 1 880
 *   zero_day_share         2430/3200 = 75,9 % (red)   180/250 = 72,0 %
 *   avg_ukp_days           1900/770 = 2,47 døgn (red) 130/70 = 1,86 døgn
 *   direct_home_share      1140/3200 = 35,6 % (green) 80/250 = 32,0 %
 *   readmission_30d_share  438/2950 = 14,8 % (green)  – (not yet known)
 *   short_term_los_change  8,2/10 − 1 = −18,0 % (yellow)  7,9/10 − 1 = −21,0 %
 * </pre>
 */
final class ReportFixture {

    static final String MONTH = "2025-06";

    private ReportFixture() {
    }

    static void load(TestRestTemplate rest, DSLContext dsl) {
        TestDatabase.clean(dsl);
        post(rest, "monthly-statistics", "report-monthly.csv");
        post(rest, "short-term-stays", "report-short-term.csv");
    }

    private static void post(TestRestTemplate rest, String dataset, String file) {
        new ImportClient(rest).store(dataset, ImportClient.resource(ReportFixture.class, file), file);
    }

    /** Norwegian text as the report writes it: the spaces in numbers are no-break spaces. */
    static String nb(String text) {
        return text.replace(' ', '\u00a0');
    }
}
