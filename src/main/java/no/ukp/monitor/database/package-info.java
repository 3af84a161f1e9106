/**
 * Where the data lives: an embedded PostgreSQL when no database is configured, otherwise the
 * configured PostgreSQL or TimescaleDB; what the service found there (versions, TimescaleDB); and
 * the connections on which figures as of an instant are read, apart from those of now
 * ({@link no.ukp.monitor.database.AsOfConnections}).
 */
package no.ukp.monitor.database;
