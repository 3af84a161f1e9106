/**
 * Reference data: regions (kommuneregioner), municipalities (kommuner), the mapping of old
 * municipality numbers to current ones, and population. The data itself lives in
 * {@code sql/R__reference_data.sql}, a file the users edit.
 */
package no.ukp.monitor.reference;
