/**
 * What every feature shares at the HTTP edge: the error answers (problem details with Norwegian
 * messages, the error page for browsers, Tomcat's own errors), the domain exceptions features throw
 * without knowing HTTP ({@code InvalidRequest}, {@code NotFound}, {@code AlreadyExists}) and months
 * as requests write them; production mode (its defaults and the start-up check of passwords).
 */
package no.ukp.monitor.system;
