/**
 * Who is waiting now: the latest snapshot (øyeblikksbilde) of UKP patients per municipality.
 */
package no.ukp.monitor.snapshot;
