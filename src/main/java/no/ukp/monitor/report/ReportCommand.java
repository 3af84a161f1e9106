package no.ukp.monitor.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.UkpMonitorApplication;
import no.ukp.monitor.database.EmbeddedDatabaseException;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * The report as a command for the secretariat, without the HTTP API:
 * {@code java -jar ukp-monitor.jar report --month 2025-06 --out rapport.pdf}. Runs against the
 * configured database (or the embedded one's data directory) with no web server, writes the file
 * and exits: 0 when written, 1 when there is nothing to report, 2 for a wrong argument, 3 when a
 * running service holds the embedded database, 4 when the data directory holds no database. It
 * never creates a database and never loads demo data.
 */
@Component
public class ReportCommand {

    static final String USAGE = """
            Bruk: java -jar ukp-monitor.jar report [--month ÅÅÅÅ-MM] [--scope total|region:<id>|municipality:<kommunenr>]
                                                   [--format pdf|html] [--out fil.pdf]
              --month   rapportmåneden; standard er siste måned med data
              --scope   utvalget; standard er total (hele helsefellesskapet)
              --format  pdf eller html; standard følger filendelsen i --out, ellers pdf
              --out     filen som skrives; standard ukp-manedsrapport-<måned>-<utvalg>.<format> i gjeldende mappe
            Databasen er den tjenesten er konfigurert med (SPRING_DATASOURCE_URL, ellers den innebygde i
            UKP_EMBEDDED_DATA_DIR, standard ./data/postgres); andre --navn=verdi-argumenter går videre til Spring.
            Avslutningsstatus: 0 skrevet, 1 ingen data for måneden, 2 feil argument, 3 databasen er i bruk
            av en kjørende tjeneste, 4 ingen database i datamappen.""";

    /**
     * The command line.
     *
     * @param month      null: the latest month with data
     * @param format     null: from the extension of {@code out}, else PDF
     * @param out        null: a name from month and scope in the working directory
     * @param springArgs {@code --name=value} arguments for Spring (e.g. a database URL)
     */
    record Options(YearMonth month, String scope, ReportFormat format, Path out, List<String> springArgs, boolean help) {

        static Options parse(String... args) {
            YearMonth month = null;
            String scope = "total";
            ReportFormat format = null;
            Path out = null;
            boolean help = false;
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                boolean known = List.of("--month", "--scope", "--format", "--out").contains(name);
                if (arg.equals("--help") || arg.equals("-h")) {
                    help = true;
                    continue;
                }
                if (!known) {
                    if (arg.startsWith("--") && arg.contains("=")) {
                        spring.add(arg);
                        continue;
                    }
                    throw new IllegalArgumentException("Ukjent argument «" + arg + "»");
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " mangler en verdi");
                }
                switch (name) {
                    case "--month" -> month = month(value);
                    case "--scope" -> scope = value;
                    case "--format" -> format = ReportFormat.of(value).orElseThrow(() ->
                            new IllegalArgumentException("Ukjent format «" + value + "»: bruk pdf eller html"));
                    default -> out = Path.of(value);
                }
            }
            if (format == null && out != null) {
                String file = out.getFileName().toString().toLowerCase(Locale.ROOT);
                format = file.endsWith(".html") || file.endsWith(".htm") ? ReportFormat.HTML : ReportFormat.PDF;
            }
            return new Options(month, scope, format == null ? ReportFormat.PDF : format, out, List.copyOf(spring), help);
        }

        /** "2025-06" → the month; anything else a Norwegian message. */
        private static YearMonth month(String text) {
            try {
                return RequestMonth.parse(text);
            } catch (InvalidRequest e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    private final MonthlyReportService reports;

    ReportCommand(MonthlyReportService reports) {
        this.reports = reports;
    }

    /** The entry from {@code main}: parses, starts the service without a web server, writes the report. */
    public static int run(String... args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Feil: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        // A servlet context without a listening server (server.port=-1): the security configuration
        // needs a web context (HttpSecurity), so WebApplicationType.NONE cannot start the service as is.
        List<String> arguments = new ArrayList<>(options.springArgs());
        arguments.add("--server.port=-1");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UkpMonitorApplication.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // defaults for a quiet command; the environment and the arguments still win
                // (no passwords either: nobody can log in to a command)
                .properties("logging.level.root=WARN", "logging.level.no.ukp.monitor=WARN",
                        "logging.level.no.ukp.monitor.security=ERROR",
                        // PDFBox looks for the 14 standard PDF fonts once; the report embeds its own
                        "logging.level.org.apache.pdfbox.pdmodel.font=ERROR",
                        "springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false",
                        // a failed start is answered by one line below, not by Spring's report and stack trace
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF",
                        "logging.level.org.springframework.boot.web.servlet.context=ERROR")
                // above the environment and the arguments: no new database, never demo data
                .initializers(starting -> starting.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                        "report-command", Map.of("ukp.demo.enabled", "false", "ukp.embedded.create-database", "false"))))
                .run(arguments.toArray(String[]::new))) {
            return context.getBean(ReportCommand.class).execute(options, out, err);
        } catch (RuntimeException e) {
            return failed(e, err);
        }
    }

    /** One Norwegian line for a service that could not start, and the exit status of its cause. */
    private static int failed(RuntimeException e, PrintStream err) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EmbeddedDatabaseException database) {
                switch (database.problem()) {
                    case IN_USE -> {
                        err.println("Feil: databasen i " + database.dataDir() + " er i bruk av en kjørende UKP-monitor; "
                                + "stopp tjenesten først, eller hent rapporten fra tjenesten: GET /api/v1/reports/monthly?month=ÅÅÅÅ-MM");
                        return 3;
                    }
                    case NO_DATABASE -> {
                        err.println("Feil: fant ingen database i " + database.dataDir() + "; pek på tjenestens datamappe med "
                                + "UKP_EMBEDDED_DATA_DIR (eller --ukp.embedded.data-dir=…), eller på databasen med SPRING_DATASOURCE_URL.");
                        return 4;
                    }
                    default -> {
                        // port taken, another server, a failed start: the general line below, with the cause
                    }
                }
            }
        }
        String message = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
        err.println("Feil: rapporten kunne ikke lages: " + (message == null ? e : message.lines().findFirst().orElse("")));
        return 1;
    }

    /** Writes the report the options ask for, with the service already running. */
    int execute(Options options, PrintStream out, PrintStream err) {
        Optional<Scope> scope = reports.scope(options.scope());
        if (scope.isEmpty()) {
            err.println("Feil: ukjent utvalg «" + options.scope() + "»: bruk total, region:<id> eller municipality:<kommunenummer>");
            return 2;
        }
        YearMonth month = options.month() != null ? options.month() : reports.latestMonth().orElse(null);
        if (month == null) {
            err.println("Feil: ingen månedsstatistikk er importert ennå; det finnes ingen rapport å lage.");
            return 1;
        }
        MonthlyReport report = reports.build(month, scope.get());
        if (!report.hasData()) {
            String latest = reports.latestMonth().map(NorwegianFormat::month).orElse("ingen");
            err.println("Feil: ingen data for " + NorwegianFormat.month(month) + " (" + report.scopeText()
                    + "); siste måned med data er " + latest + ". Ingen fil er skrevet.");
            return 1;
        }
        Path file = options.out() != null ? options.out()
                : Path.of(MonthlyReportService.fileName(month, scope.get(), options.format()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, reports.render(report, options.format()));
        } catch (IOException e) {
            err.println("Feil: kunne ikke skrive " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Skrev " + file + " (" + report.monthText() + ", " + report.scopeText() + ", "
                + options.format().name() + (report.synthetic() ? ", SYNTETISKE DEMODATA" : "") + ")");
        return 0;
    }
}
