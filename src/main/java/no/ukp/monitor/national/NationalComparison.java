package no.ukp.monitor.national;

import java.util.List;
import java.util.Optional;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.Problems;
import org.springframework.stereotype.Service;

/**
 * The national ranking of a year and measure, put together from the views for the API, the CSV and
 * the monthly report ({@link #vision}: "Blant de beste i landet" for the latest year with figures).
 */
@Service
public class NationalComparison {

    /** The status where our community has no value (a member lacks its population) or is not in the figures. */
    static final String NO_DATA = "no_data";

    private final NationalRepository repository;

    NationalComparison(NationalRepository repository) {
        this.repository = repository;
    }

    /** The measure named {@code key} (default {@code ukp_days_per_1000}), or {@link InvalidRequest} naming the ones there are. */
    static NationalMeasure measure(String key) {
        if (key == null || key.isBlank()) {
            return NationalMeasure.UKP_DAYS_PER_1000;
        }
        return NationalMeasure.of(key.strip()).orElseThrow(() -> new InvalidRequest("Ukjent mål «"
                + Problems.cut(key) + "» i «measure»: bruk " + NationalMeasure.UKP_DAYS_PER_1000.key()
                + " eller " + NationalMeasure.UKP_DAYS_PER_1000_STANDARDISED.key()));
    }

    /** The year written {@code YYYY}, default the latest with national figures; {@link NotFound} without figures for it. */
    int year(String written) {
        if (written == null || written.isBlank()) {
            return repository.latestYear(null).orElseThrow(() -> new NotFound(
                    "Ingen nasjonale tall er importert: importer «national-statistics» (Nasjonale tall)"));
        }
        if (!written.strip().matches("[0-9]{4}")) {
            throw new InvalidRequest("«year» må være et årstall med fire sifre (ÅÅÅÅ), som 2024; fikk «"
                    + Problems.cut(written) + "»");
        }
        int year = Integer.parseInt(written.strip());
        if (!repository.hasYear(year)) {
            throw new NotFound("Ingen nasjonale tall for " + year + repository.latestYear(null)
                    .map(latest -> ": siste år med tall er " + latest).orElse(": ingen nasjonale tall er importert"));
        }
        return year;
    }

    /** The ranking of {@code year} in {@code measure}: our community, every community, each of our municipalities. */
    public NationalRanking ranking(int year, NationalMeasure measure) {
        NationalRanking.Ours ours = null;
        List<NationalRanking.Community> communities = List.of();
        if (measure.ranksCommunities()) {
            List<NationalRepository.Ranked> ranked = repository.communities(year);
            communities = ranked.stream().map(c -> new NationalRanking.Community(c.id(), c.name(), c.value(), c.rank())).toList();
            int n = ranked.isEmpty() ? 0 : ranked.get(0).n();
            ours = ranked.stream().filter(NationalRepository.Ranked::ours).findFirst()
                    .map(c -> new NationalRanking.Ours(c.id(), c.name(), c.value(), c.rank(), c.n(), c.percentile(),
                            c.amongTheBest(), c.status() == null ? NO_DATA : c.status()))
                    .orElse(new NationalRanking.Ours(null, null, null, null, n, null, false, NO_DATA));
        }
        List<NationalRanking.Place> places = repository.municipalities(year, measure, true).stream().map(NationalComparison::place).toList();
        return new NationalRanking(year, measure.key(), ours, communities, places, repository.source(year).orElse(null));
    }

    /** Every municipality of the year in the measure, for the CSV. */
    public List<NationalRanking.Place> allMunicipalities(int year, NationalMeasure measure) {
        return repository.municipalities(year, measure, false).stream().map(NationalComparison::place).toList();
    }

    /** The crude ranking of the latest year with national figures up to {@code year}; empty without any. */
    public Optional<NationalRanking> vision(int year) {
        return repository.latestYear(year).map(latest -> ranking(latest, NationalMeasure.UKP_DAYS_PER_1000));
    }

    private static NationalRanking.Place place(NationalRepository.Ranked m) {
        return new NationalRanking.Place(m.id(), m.name(), m.communityName(), m.value(), m.rank(), m.n(), m.percentile(),
                m.amongTheBest(), m.status() == null ? NO_DATA : m.status());
    }
}
