package no.ukp.monitor.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The regions and municipalities of the benchmark, inserted into the reference data by SQL (the
 * service reads the reference tables fresh on every import and request, so no restart is
 * needed): synthetic regions {@code bench-07}… named «Syntetisk helsefellesskap 07» with
 * synthetic municipalities 9000… («Syntetisk kommune 9000») beside the real ones, and for the
 * import benchmark the region {@code bench-import} with municipalities 6000…, removed again
 * with their facts afterwards.
 */
final class SyntheticReference {

    static final String PREFIX = "bench-";
    static final String IMPORT_REGION = "bench-import";
    static final int FIRST_NATIONAL_NUMBER = 9000;
    static final int FIRST_IMPORT_NUMBER = 6000;
    static final int MAX_IMPORT_MUNICIPALITIES = 3000; // 6000-8999

    /** A region and its municipalities. */
    record Region(String id, String name, List<String> municipalities) {
    }

    private SyntheticReference() {
    }

    /** Every region with its municipalities, in the regions' order. */
    static List<Region> regions(DataSource dataSource) throws SQLException {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, r.name, m.number FROM region r JOIN municipality m ON m.region_id = r.id "
                     + "ORDER BY r.sort_order, r.id, m.number")) {
            while (rs.next()) {
                regions.computeIfAbsent(rs.getString(1), id -> new Region(id, nameOf(rs), new ArrayList<>()))
                        .municipalities().add(rs.getString(3));
            }
        }
        return List.copyOf(regions.values());
    }

    private static String nameOf(ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds synthetic regions and municipalities until there are {@code totalRegions} regions and
     * {@code totalMunicipalities} municipalities; the synthetic municipalities are spread evenly
     * over the synthetic regions (over the real ones when no region is to be added).
     */
    static void addNational(DataSource dataSource, int totalRegions, int totalMunicipalities) throws SQLException {
        List<Region> real = regions(dataSource);
        int realMunicipalities = real.stream().mapToInt(r -> r.municipalities().size()).sum();
        int newRegions = Math.max(0, totalRegions - real.size());
        int newMunicipalities = Math.max(0, totalMunicipalities - realMunicipalities);
        if (newRegions > 0 && newMunicipalities < newRegions) {
            throw new IllegalArgumentException("every synthetic region needs a municipality: " + newRegions + " regions to add, "
                    + newMunicipalities + " municipalities");
        }
        List<String> regionIds = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO region (id, name, sort_order) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                for (int i = 0; i < newRegions; i++) {
                    String number = String.format("%02d", real.size() + i + 1);
                    insert.setString(1, PREFIX + number);
                    insert.setString(2, "Syntetisk helsefellesskap " + number);
                    insert.setInt(3, 100 + i);
                    insert.addBatch();
                    regionIds.add(PREFIX + number);
                }
                insert.executeBatch();
            }
            if (regionIds.isEmpty()) {
                real.forEach(r -> regionIds.add(r.id()));
            }
            insertMunicipalities(c, FIRST_NATIONAL_NUMBER, newMunicipalities, regionIds);
        }
    }

    /** Registers {@code count} municipalities 6000… in the region bench-import; returns their numbers. */
    static List<String> addImportMunicipalities(DataSource dataSource, int count) throws SQLException {
        if (count > MAX_IMPORT_MUNICIPALITIES) {
            throw new IllegalArgumentException("too many import rows: the file would need " + count
                    + " municipalities, at most " + MAX_IMPORT_MUNICIPALITIES);
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO region (id, name, sort_order) VALUES ('" + IMPORT_REGION
                        + "', 'Syntetisk importregion', 999) ON CONFLICT (id) DO NOTHING");
            }
            return insertMunicipalities(c, FIRST_IMPORT_NUMBER, count, List.of(IMPORT_REGION));
        }
    }

    private static List<String> insertMunicipalities(Connection c, int firstNumber, int count, List<String> regionIds)
            throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO municipality (number, name, region_id) VALUES (?, ?, ?) ON CONFLICT (number) DO NOTHING")) {
            for (int i = 0; i < count; i++) {
                String number = Integer.toString(firstNumber + i);
                insert.setString(1, number);
                insert.setString(2, "Syntetisk kommune " + number);
                insert.setString(3, regionIds.get(i % regionIds.size()));
                insert.addBatch();
                numbers.add(number);
            }
            insert.executeBatch();
        }
        return numbers;
    }

    /** Removes the import benchmark's municipalities, their monthly statistics and revisions, and their region. */
    static void removeImportMunicipalities(DataSource dataSource) throws SQLException {
        String ofRegion = "(SELECT number FROM municipality WHERE region_id = '" + IMPORT_REGION + "')";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM monthly_statistics WHERE municipality IN " + ofRegion);
            s.execute("DELETE FROM monthly_statistics_revision WHERE municipality IN " + ofRegion);
            s.execute("DELETE FROM municipality WHERE region_id = '" + IMPORT_REGION + "'");
            s.execute("DELETE FROM region WHERE id = '" + IMPORT_REGION + "'");
        }
    }
}
