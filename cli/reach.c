/*
 * reach.c - `aibom reach DB`: which services reach which models, with the path that does it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char usage[] =
	"usage: aibom reach [--service S] [--model M] [--format table|json] DB\n"
	"\n"
	"Print every (service, model) pair that an entry point of the service reaches in a database\n"
	"saved with `aibom scan --db DB`, with the shortest call path as evidence. Models no entry\n"
	"point reaches are listed last (table) or under \"unreached\" (json).\n"
	"\n"
	"exit codes: 0 done, 2 usage error, 3 the database could not be read\n";

/* "fn (file:line) -> fn (file:line)" for the frames of a path */
static void print_frames(const cJSON *frames)
{
	const cJSON *f;
	int first = 1;

	cJSON_ArrayForEach(f, frames) {
		printf("%s%s (%s:%d)", first ? "      " : " -> ", cJSON_GetObjectItem(f, "function")->valuestring,
			cJSON_GetObjectItem(f, "file")->valuestring, cJSON_GetObjectItem(f, "line")->valueint);
		first = 0;
	}
	putchar('\n');
}

typedef struct {
	cJSON *rows; /* --format json: the rows so far; NULL for the table */
} state;

static int row_cb(const aibom_reach_row *r, void *payload)
{
	state *s = payload;
	cJSON *frames = cJSON_Parse(r->frames), *o;

	if (frames == NULL) {
		fprintf(stderr, "aibom: reach: unreadable path for %s\n", r->entry_point);
		return -1;
	}
	if (s->rows == NULL) {
		printf("%-24s %-40s %-36s %-12s %u hop%s%s\n", r->service, r->entry_point, r->model, r->provider,
			r->hops, r->hops == 1 ? "" : "s", r->heuristic ? " (heuristic)" : "");
		print_frames(frames);
		cJSON_Delete(frames);
		return 0;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "service", r->service);
	cJSON_AddStringToObject(o, "entry_point", r->entry_point);
	cJSON_AddStringToObject(o, "entry_kind", r->entry_kind);
	cJSON_AddStringToObject(o, "framework", r->framework);
	cJSON_AddStringToObject(o, "model", r->model);
	cJSON_AddStringToObject(o, "provider", r->provider);
	cJSON_AddStringToObject(o, "kind", r->kind);
	cJSON_AddStringToObject(o, "api", r->api);
	cJSON_AddStringToObject(o, "file", r->path);
	cJSON_AddNumberToObject(o, "line", r->line);
	cJSON_AddNumberToObject(o, "hops", r->hops);
	cJSON_AddBoolToObject(o, "heuristic", r->heuristic);
	cJSON_AddItemToObject(o, "path", frames);
	cJSON_AddItemToArray(s->rows, o);
	return 0;
}

int cli_reach(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"service", required_argument, NULL, 's'},
		{"model", required_argument, NULL, 'm'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *service = NULL, *model = NULL;
	aibom_scan *scan = NULL;
	aibom_buf unreached = {0};
	state st = {NULL};
	int json = 0;
	int c, rc, status = EXIT_DONE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "s:m:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': service = optarg; break;
		case 'm': model = optarg; break;
		case 'f':
			if (!strcmp(optarg, "json"))
				json = 1;
			else if (strcmp(optarg, "table")) {
				fprintf(stderr, "aibom: reach: --format is table or json, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return EXIT_DONE;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if ((rc = aibom_scan_open_db(&scan, argv[optind])) < 0)
		return cli_fail(argv[optind], rc);
	if (json && (st.rows = cJSON_CreateArray()) == NULL) {
		fprintf(stderr, "aibom: out of memory\n");
		status = EXIT_INPUT;
		goto done;
	}
	if (!json)
		printf("%-24s %-40s %-36s %-12s %s\n", "SERVICE", "ENTRY POINT", "MODEL", "PROVIDER", "HOPS");
	if ((rc = aibom_scan_foreach_reach(scan, service, model, row_cb, &st)) != 0) {
		status = cli_fail("reach", rc);
		goto done;
	}
	if (aibom_scan_query(&unreached, scan,
		"SELECT coalesce(model, 'unresolved:' || api) AS model, path, line FROM unreached_findings ORDER BY path, line") < 0) {
		status = cli_fail("reach", AIBOM_ERROR);
		goto done;
	}
	if (json) {
		cJSON *root = cJSON_CreateObject();
		char *text;
		cJSON_AddItemToObject(root, "reach", st.rows);
		st.rows = NULL;
		cJSON_AddItemToObject(root, "unreached", cJSON_Parse(unreached.ptr));
		if ((text = cJSON_Print(root)) != NULL) {
			puts(text);
			cJSON_free(text);
		}
		cJSON_Delete(root);
	} else {
		cJSON *rows = cJSON_Parse(unreached.ptr), *r;
		printf("\nnot reached by any entry point (%d):\n", cJSON_GetArraySize(rows));
		cJSON_ArrayForEach(r, rows)
			printf("  %s:%d  %s\n", cJSON_GetObjectItem(r, "path")->valuestring,
				cJSON_GetObjectItem(r, "line")->valueint, cJSON_GetObjectItem(r, "model")->valuestring);
		cJSON_Delete(rows);
	}
done:
	cJSON_Delete(st.rows);
	aibom_buf_dispose(&unreached);
	aibom_scan_free(scan);
	return status;
}
