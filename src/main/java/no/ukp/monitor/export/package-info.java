/**
 * The analysts' exports: every municipality's monthly statistics (the current revision of every
 * fact, in the import file's columns, so that the file goes back in unchanged) and every scope's
 * indicator values in a month, each as one CSV streamed from the database as the rows come.
 * Computes nothing: the values are the indicator views', the window targets
 * {@link no.ukp.monitor.indicator.IndicatorDefinition#windowTarget}'s.
 */
package no.ukp.monitor.export;
