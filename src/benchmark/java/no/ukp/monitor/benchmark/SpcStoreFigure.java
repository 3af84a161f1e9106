package no.ukp.monitor.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the service took to compute and store the SPC charts the dashboards read (spc_point,
 * spc_summary), in the background after each import of the national data set: read from its own
 * timer {@code ukp_spc_refresh_seconds} on {@code /actuator/prometheus} once the data set is loaded.
 *
 * @param refreshes    refreshes since the service started (at start and after imports that shared one)
 * @param meanSeconds  their mean duration
 * @param maxSeconds   the longest of the last minutes (Micrometer's max decays: 0 when none ran lately)
 * @param charts       charts (indicator and scope) stored by the latest
 */
record SpcStoreFigure(long refreshes, double meanSeconds, double maxSeconds, long charts) {

    static SpcStoreFigure read(ServiceClient client) throws Exception {
        String metrics = new String(client.get("/actuator/prometheus", "viewer", "text/plain"), StandardCharsets.UTF_8);
        long count = (long) value(metrics, "ukp_spc_refresh_seconds_count");
        double sum = value(metrics, "ukp_spc_refresh_seconds_sum");
        return new SpcStoreFigure(count, count == 0 ? 0 : sum / count, value(metrics, "ukp_spc_refresh_seconds_max"),
                (long) value(metrics, "ukp_spc_charts"));
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("^" + name + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        if (!m.find()) {
            throw new IllegalStateException("the service exposes no " + name);
        }
        return Double.parseDouble(m.group(1));
    }
}
