package no.ukp.monitor.ingest;

/** A cell that cannot be accepted; the message is Norwegian and shown to the user as it is. */
class InvalidValue extends Exception {

    InvalidValue(String message) {
        super(message, null, false, false);
    }
}
