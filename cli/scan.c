/*
 * scan.c - `aibom scan`: scan a folder or a git revision, write the BOM (or another format),
 * keep the database when asked, and list per-file problems on stderr.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
	"usage: aibom scan [options] PATH\n"
	"\n"
	"Scan a folder, or a git repository at a revision (without checkout), for model loads, AI SDK\n"
	"calls, hub references and AI libraries, and write a CycloneDX 1.6 ML-BOM.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE    write the result to FILE (default: stdout)\n"
	"  -f, --format FMT     cyclonedx (default), json or table\n"
	"  -r, --rev REV        scan this git revision of PATH (a branch, tag or commit)\n"
	"      --db FILE        keep the scan's SQLite database in FILE (replaced if it exists)\n"
	"  -j, --jobs N         worker threads (default: one per core)\n"
	"      --rules FILE     extra rule file (repeatable; see docs/rules.md)\n"
	"      --name NAME      name of the scanned application (default: the folder's name)\n"
	"      --max-file-size BYTES  skip larger files (default 4 MiB)\n"
	"  -q, --quiet          no summary and no per-file warnings on stderr\n"
	"  -h, --help           this help\n"
	"\n"
	"exit codes: 0 done, 2 usage error, 3 input could not be read\n";

typedef struct {
	int last_len;
} progress_state;

static int progress(const aibom_progress *p, void *payload)
{
	progress_state *s = payload;
	int n = fprintf(stderr, "\r%s %zu/%zu", p->phase, p->done, p->total);
	if (n < s->last_len)
		fprintf(stderr, "%*s", s->last_len - n, "");
	s->last_len = n;
	return 0;
}

static int print_diag(const aibom_diagnostic *d, void *payload)
{
	(void)payload;
	fprintf(stderr, "aibom: %s: %s: %s\n", d->path, d->severity, d->message);
	return 0;
}

int cli_scan(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"rev", required_argument, NULL, 'r'},
		{"db", required_argument, NULL, 'd'},
		{"jobs", required_argument, NULL, 'j'},
		{"rules", required_argument, NULL, 'R'},
		{"name", required_argument, NULL, 'n'},
		{"max-file-size", required_argument, NULL, 'm'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_format format = AIBOM_FORMAT_CYCLONEDX;
	const char *output = NULL;
	const char **rules = NULL;
	size_t nrules = 0;
	aibom_scan *scan = NULL;
	aibom_buf buf = {0};
	progress_state ps = {0};
	bool quiet = false;
	int c, rc, status = EXIT_DONE;
	char *end;

	optind = 1;
	if ((rules = calloc((size_t)argc, sizeof(char *))) == NULL) {
		fprintf(stderr, "aibom: out of memory\n");
		return EXIT_INPUT;
	}
	while ((c = getopt_long(argc, argv, "o:f:r:j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'f':
			if (aibom_format_from_name(&format, optarg) < 0) {
				status = cli_fail("--format", AIBOM_EINVALID);
				goto done;
			}
			break;
		case 'r': opts.rev = optarg; break;
		case 'd': opts.db_path = optarg; break;
		case 'j':
			opts.jobs = (unsigned)strtoul(optarg, &end, 10);
			if (*end || opts.jobs == 0 || opts.jobs > 64) {
				fprintf(stderr, "aibom: --jobs takes a number from 1 to 64, not '%s'\n", optarg);
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'R': rules[nrules++] = optarg; break;
		case 'n': opts.name = optarg; break;
		case 'm':
			opts.max_file_size = (size_t)strtoull(optarg, &end, 10);
			if (*end || opts.max_file_size == 0) {
				fprintf(stderr, "aibom: --max-file-size takes a positive number of bytes\n");
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'q': quiet = true; break;
		case 'h':
			fputs(usage, stdout);
			goto done;
		default:
			fputs(usage, stderr);
			status = EXIT_USAGE;
			goto done;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "aibom: scan takes exactly one PATH\n\n%s", usage);
		status = EXIT_USAGE;
		goto done;
	}
	opts.rule_files = rules;
	opts.rule_files_count = nrules;
	if (!quiet && isatty(STDERR_FILENO)) {
		opts.progress = progress;
		opts.progress_payload = &ps;
	}
	rc = aibom_scan_path(&scan, argv[optind], &opts);
	if (ps.last_len)
		fprintf(stderr, "\r%*s\r", ps.last_len, "");
	if (rc < 0) {
		status = cli_fail(argv[optind], rc);
		goto done;
	}
	if (!quiet)
		aibom_scan_foreach_diagnostic(scan, print_diag, NULL);
	if (aibom_scan_export(&buf, scan, format, NULL) < 0) {
		status = cli_fail("export", AIBOM_ERROR);
		goto done;
	}
	if ((status = cli_write(output, &buf)) != EXIT_DONE)
		goto done;
	if (!quiet) {
		aibom_scan_stats st;
		if (aibom_scan_stats_get(&st, scan) == 0)
			fprintf(stderr, "aibom: %zu files, %zu findings, %zu distinct models, %zu AI libraries, %zu diagnostics%s%s\n",
				st.files, st.findings, st.models, st.libraries, st.diagnostics,
				output ? "; written to " : "", output ? output : "");
	}
done:
	aibom_buf_dispose(&buf);
	aibom_scan_free(scan);
	free(rules);
	return status;
}
