/**
 * What every feature shares at the HTTP edge: the error answers of the API.
 */
package no.ukp.monitor.system;
