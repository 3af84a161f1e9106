package no.ukp.monitor.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log into SLF4J, so that its messages follow the service's logging settings
 * ({@code logging.level.com.openhtmltopdf}) instead of going straight to stderr. Its INFO is
 * chatty (every font and CSS detail) and becomes DEBUG.
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    private static final Logger ROOT = LoggerFactory.getLogger("com.openhtmltopdf");

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(message, error);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(message, error);
        } else if (value >= Level.INFO.intValue()) {
            logger.debug(message, error);
        } else {
            logger.trace(message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the logging configuration's business
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? ROOT.isWarnEnabled()
                : value >= Level.INFO.intValue() ? ROOT.isDebugEnabled() : ROOT.isTraceEnabled();
    }
}
