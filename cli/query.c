/*
 * query.c - `aibom query DB SQL`: read-only SQL over a saved scan, rows as JSON lines or a table.
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: aibom query DB SQL\n"
	"\n"
	"Run one read-only SQL statement on a database saved with `aibom scan --db DB` and print the\n"
	"rows as a JSON array. Statements that would write are refused. The stable views are\n"
	"v_findings, v_models and v_libraries (see docs/schema.md).\n"
	"\n"
	"exit codes: 0 done, 2 usage error or invalid SQL, 3 the database could not be read\n";

int cli_query(int argc, char **argv)
{
	aibom_scan *scan = NULL;
	aibom_buf buf = {0};
	int rc, status;

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage, stdout);
		return EXIT_DONE;
	}
	if (argc != 3) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if ((rc = aibom_scan_open_db(&scan, argv[1])) < 0)
		return cli_fail(argv[1], rc);
	if ((rc = aibom_scan_query(&buf, scan, argv[2])) < 0) {
		fprintf(stderr, "aibom: query: %s\n", aibom_error_last()->message);
		status = EXIT_USAGE;
	} else {
		status = cli_write(NULL, &buf);
		if (status == EXIT_DONE)
			putchar('\n');
	}
	aibom_buf_dispose(&buf);
	aibom_scan_free(scan);
	return status;
}
