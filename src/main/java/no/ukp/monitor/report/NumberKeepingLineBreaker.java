package no.ukp.monitor.report;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Line breaks for the PDF that never split a number: Java's line iterator breaks "−20,3" after
 * the comma when a real minus sign leads (browsers follow Unicode's rules and do not).
 */
final class NumberKeepingLineBreaker implements FSTextBreaker {

    private final BreakIterator lines = BreakIterator.getLineInstance(Locale.forLanguageTag("nb"));
    private String text = "";

    @Override
    public void setText(String text) {
        this.text = text;
        lines.setText(text);
    }

    @Override
    public int next() {
        int next = lines.next();
        while (next != BreakIterator.DONE && next > 0 && next < text.length() && splitsNumber(next)) {
            next = lines.next();
        }
        return next;
    }

    private boolean splitsNumber(int at) {
        char before = text.charAt(at - 1);
        return Character.isDigit(text.charAt(at)) && (before == ',' || before == '.' || before == NorwegianFormat.MINUS);
    }
}
