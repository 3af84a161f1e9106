package no.ukp.monitor.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.Problems;

/**
 * A kind of import file as its template and its header need it: a fact {@link Dataset} or the
 * action plan ({@link PlanFile}).
 */
interface ImportKind {

    /** The name in the import URL and in the audit, e.g. {@code monthly-statistics}. */
    String slug();

    /** The Norwegian name of this kind of file, e.g. {@code Månedsstatistikk}. */
    String title();

    /** What one row is, in Norwegian words («én rad per …»). */
    String keyDescription();

    /** The columns the import reads, in the template's order. */
    List<Column> columns();

    /** Every kind of file the import takes: the fact datasets, then the action plan. */
    static List<ImportKind> all() {
        List<ImportKind> all = new ArrayList<>(Arrays.asList(Dataset.values()));
        all.add(PlanFile.INSTANCE);
        return all;
    }

    /** The kind named {@code slug}, if there is one. */
    static Optional<ImportKind> find(String slug) {
        return all().stream().filter(k -> k.slug().equals(slug)).findFirst();
    }

    /** The kind named {@code slug}, or {@link NotFound} with the names there are. */
    static ImportKind named(String slug) {
        List<String> slugs = all().stream().map(ImportKind::slug).toList();
        return find(slug).orElseThrow(() -> new NotFound("Ukjent datasett «"
                + Problems.cut(slug, ImportRepository.DATASET_SIZE) + "»: bruk " + String.join(", ", slugs.subList(0, slugs.size() - 1))
                + " eller " + slugs.get(slugs.size() - 1)));
    }
}
