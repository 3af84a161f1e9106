/**
 * Where the data lives: an embedded PostgreSQL when no database is configured, otherwise the
 * configured PostgreSQL or TimescaleDB; and what the service found there (versions, TimescaleDB).
 */
package no.ukp.monitor.database;
