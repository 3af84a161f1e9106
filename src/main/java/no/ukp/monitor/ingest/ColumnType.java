package no.ukp.monitor.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.measure.PlanWords;
import no.ukp.monitor.reference.MunicipalityNumbers;
import no.ukp.monitor.system.NorwegianTime;

/**
 * The kinds of value an import column holds, each with its parsing and its Norwegian messages.
 * Parsing returns the value to store, or {@code null} for an allowed blank.
 */
enum ColumnType {

    /** {@code YYYY-MM}, {@code MM.YYYY} or {@code YYYY-MM-01}; not after the current month. */
    MONTH("ÅÅÅÅ-MM, MM.ÅÅÅÅ eller ÅÅÅÅ-MM-01; fra år 2000, ikke etter inneværende måned") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            YearMonth value = month(text);
            if (value.isAfter(context.currentMonth())) {
                throw new InvalidValue("Måneden ligger etter inneværende måned (" + context.currentMonth() + ")");
            }
            return value.atDay(1);
        }
    },

    /** A kommunenummer, 4 digits or fewer (lost leading zero); old numbers are mapped to current ones. */
    MUNICIPALITY("kommunenummer med 4 sifre (en tapt null foran godtas, som 301); en kommune i helsefellesskapet, gamle numre regnes om") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            String number = MunicipalityNumbers.normalize(text)
                    .orElseThrow(() -> new InvalidValue("Kommunenummer må være 4 sifre"));
            MunicipalityNumbers.Resolved resolved = context.municipalities().resolve(number)
                    .orElseThrow(() -> new InvalidValue("Ukjent kommunenummer: ikke en kommune i helsefellesskapet"));
            return mapped(number, resolved, context);
        }
    },

    /**
     * Any Norwegian kommunenummer (the national figures): old numbers are mapped where the mapping is known, a
     * number neither in the reference data nor among the national municipalities is kept as given, with a warning.
     */
    NATIONAL_MUNICIPALITY("kommunenummer med 4 sifre, hvilken som helst kommune i landet (gamle numre regnes om der omregningen er kjent)") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return anyMunicipality(text, context, true);
        }
    },

    /** Like {@link #NATIONAL_MUNICIPALITY}, without the warning: the file that makes numbers known (the national municipalities). */
    ANY_MUNICIPALITY("kommunenummer med 4 sifre, hvilken som helst kommune i landet (gamle numre regnes om der omregningen er kjent)") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return anyMunicipality(text, context, false);
        }
    },

    /** A name (of a municipality or a health community), at most 100 characters; blank = not given. */
    NAME("navn, høyst 100 tegn", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            if (text.length() > 100) {
                throw new InvalidValue("Navnet er lengre enn 100 tegn");
            }
            if (text.chars().anyMatch(c -> c < ' ')) {
                throw new InvalidValue("Navnet har kontrolltegn (tabulator eller linjeskift)");
            }
            return text;
        }
    },

    /** A whole number ≥ 1 (population), where a blank cell means "not given" (stored as null). */
    OPTIONAL_POSITIVE_COUNT("heltall, 1 eller mer; tom celle = ikke oppgitt", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return POSITIVE_COUNT.parse(text, context);
        }
    },

    /** A rate ≥ 0 with at most three decimals, decimal comma or point; blank = not published. */
    RATE("desimaltall, 0 eller mer, med desimalkomma eller -punktum (som 12,4); tom celle = ikke publisert", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            String number = THOUSANDS.matcher(text).replaceAll("").replace(',', '.');
            if (number.startsWith("-")) {
                throw new InvalidValue("Kan ikke være negativt");
            }
            if (!number.matches("[0-9]{1,9}(\\.[0-9]+)?")) {
                throw new InvalidValue("Må være et tall (som 12,4 eller 12.4)");
            }
            BigDecimal rate = new BigDecimal(number);
            if (rate.scale() > 3) {
                throw new InvalidValue("Høyst tre desimaler");
            }
            return rate;
        }
    },

    /** {@code somatikk} (the default when blank) or {@code psykisk_helse_rus}. */
    AREA("somatikk (når cellen er tom) eller psykisk_helse_rus (også skrevet «Psykisk helse og rus»)") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            if (text.equals("somatikk") || text.equals("psykisk_helse_rus")) {
                return text;
            }
            String area = AREA_SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("_").replace("_og_", "_");
            if (area.equals("somatikk") || area.equals("psykisk_helse_rus")) {
                return area;
            }
            throw new InvalidValue("Ukjent område: bruk somatikk eller psykisk_helse_rus");
        }

        @Override
        Object blank() {
            return "somatikk";
        }
    },

    /** A whole number ≥ 0; thousands may be separated by spaces or no-break spaces. */
    COUNT("heltall, 0 eller mer (tusenskille med mellomrom godtas, som 1 200)") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return parseCount(text);
        }
    },

    /** Like {@link #COUNT}, but blank means "not yet known" and is stored as null. */
    OPTIONAL_COUNT("heltall, 0 eller mer; tom celle = ikke kjent ennå") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return parseCount(text);
        }

        @Override
        Object blank() {
            return null;
        }
    },

    /** A whole number ≥ 1 (population). */
    POSITIVE_COUNT("heltall, 1 eller mer") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            int value = parseCount(text);
            if (value == 0) {
                throw new InvalidValue("Må være større enn 0");
            }
            return value;
        }
    },

    /** A calendar year, not after the current one. */
    YEAR("årstall med fire sifre (ÅÅÅÅ), fra 2000, ikke etter inneværende år") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            if (!text.matches("[0-9]{4}")) {
                throw new InvalidValue("Året må skrives med fire sifre (ÅÅÅÅ)");
            }
            int year = Integer.parseInt(text);
            if (year < FIRST_YEAR) {
                throw new InvalidValue("Året er før " + FIRST_YEAR + " og kan ikke stemme");
            }
            if (year > context.currentMonth().getYear()) {
                throw new InvalidValue("Året ligger etter inneværende år (" + context.currentMonth().getYear() + ")");
            }
            return year;
        }
    },

    /** ISO-8601 with offset, or {@code dd.MM.yyyy HH:mm} in Europe/Oslo; not in the future. */
    TIMESTAMP("dd.mm.åååå tt:mm (norsk tid) eller ISO-8601 med tidssone (2025-06-30T08:00+02:00); ikke fram i tid") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            OffsetDateTime value;
            try {
                value = OffsetDateTime.parse(text);
            } catch (DateTimeParseException notIso) {
                try {
                    value = LocalDateTime.parse(text, NORWEGIAN_TIMESTAMP).atZone(NorwegianTime.OSLO).toOffsetDateTime();
                } catch (DateTimeParseException notNorwegian) {
                    throw new InvalidValue("Tidspunktet må skrives som ISO-8601 med tidssone "
                            + "(2025-06-30T08:00+02:00) eller dd.mm.åååå tt:mm");
                }
            }
            if (value.isAfter(context.now().plusMinutes(5))) {
                throw new InvalidValue("Tidspunktet ligger fram i tid");
            }
            return value;
        }
    },

    /** A short-term unit id such as {@code oya-helsehus}: letters, digits, '-' and '_'. */
    UNIT("enhetens navn: bokstaver, sifre, - og _, høyst 60 tegn (lagres med små bokstaver, mellomrom som -)") {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            String unit = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!unit.matches("[a-z0-9æøå][a-z0-9æøå_-]{0,59}")) {
                throw new InvalidValue("Enheten må være et navn av bokstaver, sifre og bindestrek, som oya-helsehus");
            }
            return unit;
        }
    },

    /** Free text (the action plan's names, owners and comments; their lengths are the plan's own rules). */
    TEXT("fritekst", true) {
        @Override
        Object parse(String text, RowContext context) {
            return text;
        }
    },

    /** The id of a measure or an activity, as the API and earlier exports give it. */
    PLAN_ID("tiltakets eller aktivitetens id (et heltall) fra tiltaksplanen; tom for nye", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            if (!isDigits(text) || text.length() > 18) {
                throw new InvalidValue("Id må være et heltall, som 12");
            }
            return Long.parseLong(text);
        }
    },

    /** A month of the plan: {@code MM.YYYY} or {@code YYYY-MM}, also in the future. */
    PLAN_MONTH("MM.ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-01; fra år 2000", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return month(text);
        }
    },

    /** A period {@code MM.YYYY–MM.YYYY} (en dash or hyphen); the end may be left out. */
    PERIOD("MM.ÅÅÅÅ–MM.ÅÅÅÅ (fra–til; til kan mangle, som 01.2025–)", true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            String wanted = "Tidsrommet må skrives MM.ÅÅÅÅ–MM.ÅÅÅÅ, som 01.2025–12.2025";
            Matcher period = PERIOD_PATTERN.matcher(text);
            if (!period.matches()) {
                throw new InvalidValue(wanted);
            }
            try {
                return new YearMonth[] {month(period.group(1)), period.group(2).isEmpty() ? null : month(period.group(2))};
            } catch (InvalidValue month) {
                throw new InvalidValue(wanted + " (" + month.getMessage() + ")");
            }
        }
    },

    /** The template's priority: {@code Høy}, {@code Middels} or {@code Lav}. */
    PRIORITY(PlanWords.PRIORITY_WORDS, true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return PlanWords.priority(text).orElseThrow(() -> new InvalidValue("Prioriteten må være " + PlanWords.PRIORITY_WORDS));
        }
    },

    /** The template's size (omfang): {@code Stort}, {@code Middels} or {@code Lite}. */
    SIZE(PlanWords.SIZE_WORDS, true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return PlanWords.size(text).orElseThrow(() -> new InvalidValue("Omfanget må være " + PlanWords.SIZE_WORDS));
        }
    },

    /** The status legend: {@code grønn}, {@code gul}, {@code rød}, their legend texts, or green, yellow, red. */
    PLAN_STATUS(PlanWords.STATUS_WORDS, true) {
        @Override
        Object parse(String text, RowContext context) throws InvalidValue {
            return PlanWords.status(text).orElseThrow(() -> new InvalidValue("Statusen må være " + PlanWords.STATUS_WORDS));
        }
    };

    static final int FIRST_YEAR = 2000;
    private static final Pattern PERIOD_PATTERN = Pattern.compile("(\\S+?)\\s*(?:–|—|-(?=\\s*[0-9]{1,2}\\.|\\s*$)|\\s-\\s)\\s*(\\S*)");
    private static final Pattern ISO_MONTH = Pattern.compile("([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?");
    private static final Pattern NORWEGIAN_MONTH = Pattern.compile("([0-9]{1,2})\\.([0-9]{4})");
    private static final DateTimeFormatter NORWEGIAN_TIMESTAMP = DateTimeFormatter.ofPattern("d.M.uuuu H:mm");
    /** Spaces, no-break spaces (U+00A0), narrow no-break and thin spaces as thousands separators. */
    private static final Pattern THOUSANDS = Pattern.compile("[\\s\\u00A0\\u202F\\u2009]");

    private static final Pattern AREA_SEPARATORS = Pattern.compile("[\\s-]+");

    private final String format;
    /** Whether a blank cell is null (the action plan's columns), where it is not one of the type's own values. */
    private final boolean blankIsNull;

    ColumnType(String format) {
        this(format, false);
    }

    ColumnType(String format, boolean blankIsNull) {
        this.format = format;
        this.blankIsNull = blankIsNull;
    }

    /** The values this type accepts, in Norwegian, for the template's explanation sheet. */
    String format() {
        return format;
    }

    /**
     * A month written {@code YYYY-MM}, {@code MM.YYYY} or {@code YYYY-MM-01}, from {@link #FIRST_YEAR}; the format
     * checks every month column shares.
     */
    static YearMonth month(String text) throws InvalidValue {
        Matcher iso = ISO_MONTH.matcher(text);
        Matcher norwegian;
        int year;
        int month;
        if (iso.matches()) {
            if (iso.group(3) != null && Integer.parseInt(iso.group(3)) != 1) {
                throw new InvalidValue("En dato som måned må være den første i måneden (ÅÅÅÅ-MM-01)");
            }
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
        } else if ((norwegian = NORWEGIAN_MONTH.matcher(text)).matches()) {
            year = Integer.parseInt(norwegian.group(2));
            month = Integer.parseInt(norwegian.group(1));
        } else {
            throw new InvalidValue("Måneden må skrives ÅÅÅÅ-MM, MM.ÅÅÅÅ eller ÅÅÅÅ-MM-01");
        }
        if (month < 1 || month > 12) {
            throw new InvalidValue("Måneden finnes ikke: måned må være 01–12");
        }
        if (year < FIRST_YEAR) {
            throw new InvalidValue("Året er før " + FIRST_YEAR + " og kan ikke stemme");
        }
        return YearMonth.of(year, month);
    }

    /** Parses a non-blank, trimmed cell. */
    abstract Object parse(String text, RowContext context) throws InvalidValue;

    /**
     * Whether a blank cell is allowed also in a column the header must have: the area (blank = somatikk) and the
     * plan's text columns (the header needs «tiltak», an activity's row leaves it blank).
     */
    boolean blankAllowedWhenRequired() {
        return this == AREA || this == TEXT || this == OPTIONAL_POSITIVE_COUNT;
    }

    /** The value of a blank cell in an optional column. */
    Object blank() {
        if (blankIsNull) {
            return null;
        }
        throw new IllegalStateException(this + " has no blank value");
    }

    /** A kommunenummer of anywhere in the country: mapped where it is an old number of the reference data, else as given. */
    private static String anyMunicipality(String text, RowContext context, boolean warnUnknown) throws InvalidValue {
        String number = MunicipalityNumbers.normalize(text)
                .orElseThrow(() -> new InvalidValue("Kommunenummer må være 4 sifre"));
        MunicipalityNumbers.Resolved resolved = context.municipalities().resolve(number).orElse(null);
        if (resolved == null) {
            if (warnUnknown) {
                context.warnings().accept("Ukjent kommunenummer " + number + ": verken i referansedataene eller blant de "
                        + "nasjonale kommunene (importer «Nasjonale kommuner»); beholdt som oppgitt, uten helsefellesskap "
                        + "om filen ikke oppgir det");
            }
            return number;
        }
        return mapped(number, resolved, context);
    }

    /** The current number of a resolved one; an old number that was mapped is one warning. */
    private static String mapped(String number, MunicipalityNumbers.Resolved resolved, RowContext context) {
        if (resolved.mappedFrom() != null) {
            context.warnings().accept("Gammelt kommunenummer " + number + " (" + resolved.mappedFrom().oldName()
                    + ") er regnet om til " + resolved.number() + " (" + resolved.name() + ")");
        }
        return resolved.number();
    }

    static int parseCount(String text) throws InvalidValue {
        if (text.length() <= 9 && isDigits(text)) {
            return Integer.parseInt(text);  // the usual case, without the regular expressions below
        }
        String digits = THOUSANDS.matcher(text).replaceAll("");
        if (digits.matches("-[0-9]+")) {
            throw new InvalidValue("Kan ikke være negativt");
        }
        if (!digits.matches("[0-9]+")) {
            throw new InvalidValue("Må være et heltall (som 1200 eller 1 200)");
        }
        if (digits.length() > 9) {
            throw new InvalidValue("Tallet er urimelig stort");
        }
        return Integer.parseInt(digits);
    }

    /** Whether text is one or more ASCII digits. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
