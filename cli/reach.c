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

/* Print the frames JSON as "fn (file:line) -> fn (file:line)" without a JSON parser: the
 * library writes it in one fixed shape. */
static void print_frames(const char *json)
{
	const char *p = json;
	int first = 1;

	while ((p = strstr(p, "\"function\":\"")) != NULL) {
		const char *fn = p + 12, *fe = strchr(fn, '"');
		const char *file = strstr(fe, "\"file\":\""), *fl, *line;
		if (fe == NULL || file == NULL)
			break;
		fl = file + 8;
		line = strstr(fl, "\"line\":");
		printf("%s%.*s (%.*s:%d)", first ? "      " : " -> ", (int)(fe - fn), fn,
			(int)(strchr(fl, '"') - fl), fl, line ? atoi(line + 7) : 0);
		first = 0;
		p = fe;
	}
	putchar('\n');
}

typedef struct {
	int json;
	int count;
} state;

static void json_str(const char *key, const char *v)
{
	printf("\"%s\": \"", key);
	for (; v && *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	fputs("\", ", stdout);
}

static int row_cb(const aibom_reach_row *r, void *payload)
{
	state *s = payload;
	if (s->json) {
		fputs(s->count ? ",\n  {" : "\n  {", stdout);
		json_str("service", r->service);
		json_str("entry_point", r->entry_point);
		json_str("entry_kind", r->entry_kind);
		json_str("framework", r->framework);
		json_str("model", r->model);
		json_str("provider", r->provider);
		json_str("kind", r->kind);
		json_str("api", r->api);
		json_str("file", r->path);
		printf("\"line\": %u, \"hops\": %u, \"heuristic\": %s, \"path\": %s}", r->line, r->hops,
			r->heuristic ? "true" : "false", r->frames);
	} else {
		printf("%-24s %-40s %-36s %-12s %u hop%s%s\n", r->service, r->entry_point, r->model, r->provider,
			r->hops, r->hops == 1 ? "" : "s", r->heuristic ? " (heuristic)" : "");
		print_frames(r->frames);
	}
	s->count++;
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
	state st = {0, 0};
	int c, rc, status = EXIT_DONE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "s:m:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 's': service = optarg; break;
		case 'm': model = optarg; break;
		case 'f':
			if (!strcmp(optarg, "json"))
				st.json = 1;
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
	if (st.json)
		fputs("{\"reach\": [", stdout);
	else
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
	if (st.json) {
		printf("\n],\n\"unreached\": %s}\n", unreached.ptr);
	} else {
		cJSON *rows = cJSON_Parse(unreached.ptr), *r;
		printf("\nnot reached by any entry point (%d):\n", cJSON_GetArraySize(rows));
		cJSON_ArrayForEach(r, rows)
			printf("  %s:%d  %s\n", cJSON_GetObjectItem(r, "path")->valuestring,
				cJSON_GetObjectItem(r, "line")->valueint, cJSON_GetObjectItem(r, "model")->valuestring);
		cJSON_Delete(rows);
	}
done:
	aibom_buf_dispose(&unreached);
	aibom_scan_free(scan);
	return status;
}
