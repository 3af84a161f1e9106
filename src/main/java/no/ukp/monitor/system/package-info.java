/**
 * What every feature shares at the HTTP edge: the error answers (problem details with Norwegian
 * messages, the error page for browsers, Tomcat's own errors) and months as requests write them.
 */
package no.ukp.monitor.system;
