package no.ukp.monitor.ingest;

/** Published after an import was stored (not after a dry run or a rejected file). */
public record ImportStored(long importId, String dataset) {
}
