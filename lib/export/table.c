/*
 * table.c - a plain-text table of the findings for people at a terminal, with the diagnostics
 * after it.
 */
#include <stdio.h>
#include <string.h>

#include "../scan_internal.h"

static int row(const aibom_finding *f, void *payload)
{
	aibom_str *s = payload;
	char where[600];

	snprintf(where, sizeof(where), "%s:%u", f->path, f->line);
	aibom_str__printf(s, "%-40s %-10s %-14s %-40s %s%s%s\n", where, f->kind, f->provider,
		f->model ? f->model : "(unresolved)", f->api, f->flags && f->flags[0] ? "  !" : "",
		f->flags ? f->flags : "");
	return 0;
}

static int diag(const aibom_diagnostic *d, void *payload)
{
	aibom_str__printf(payload, "%s: %s: %s\n", d->path, d->severity, d->message);
	return 0;
}

int aibom_export__table(aibom_buf *out, aibom_scan *scan)
{
	aibom_str s = AIBOM_STR_INIT;
	aibom_scan_stats stats;

	aibom_str__printf(&s, "%-40s %-10s %-14s %-40s %s\n", "LOCATION", "KIND", "PROVIDER", "MODEL", "API");
	if (aibom_scan_foreach_finding(scan, row, &s) != 0 ||
	    aibom_scan_foreach_diagnostic(scan, diag, &s) != 0 ||
	    aibom_scan_stats_get(&stats, scan) != 0) {
		aibom_str__free(&s);
		return -1;
	}
	aibom_str__printf(&s, "%zu files, %zu findings, %zu distinct models, %zu AI libraries, %zu diagnostics\n",
		stats.files, stats.findings, stats.models, stats.libraries, stats.diagnostics);
	return aibom_str__detach(out, &s);
}
