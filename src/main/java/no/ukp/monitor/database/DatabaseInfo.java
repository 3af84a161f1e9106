package no.ukp.monitor.database;

/**
 * What the service found in its database.
 *
 * @param mode                {@code embedded} or {@code external}
 * @param postgresVersion     {@code server_version} of PostgreSQL
 * @param timescaledbLoaded   whether the TimescaleDB extension is loaded in the database
 * @param timescaledbVersion  the extension's version, null when not loaded
 * @param timescaledbLicense  {@code apache} or {@code timescale}, null when not loaded
 */
public record DatabaseInfo(String mode, String postgresVersion, boolean timescaledbLoaded,
                           String timescaledbVersion, String timescaledbLicense) {

    public String describe() {
        return "PostgreSQL " + postgresVersion + " (" + mode + "), "
                + (timescaledbLoaded
                        ? "TimescaleDB " + timescaledbVersion + " (license " + timescaledbLicense + ")"
                        : "no TimescaleDB: fact tables are plain tables");
    }
}
