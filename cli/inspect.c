/*
 * inspect.c - `aibom inspect FILE...`: identify model files by content and judge whether loading
 * them can run code, without ever loading them. Exit 1 when any file is dangerous.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: aibom inspect [--format table|json] FILE...\n"
	"\n"
	"Identify model files by their content (pickle, PyTorch, numpy, joblib, safetensors, GGUF, ONNX,\n"
	"Keras, HDF5, TF SavedModel, TFLite, archives) and judge whether loading them could run code:\n"
	"safe, unknown, dangerous or malformed, with every imported global and its offset. Nothing is\n"
	"loaded, imported or unpickled.\n"
	"\n"
	"exit codes: 0 no file is dangerous, 1 a file is dangerous, 2 usage error, 3 a file could not be read\n";

int cli_inspect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, i, json = 0, status = EXIT_DONE, dangerous = 0, first = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "json"))
				json = 1;
			else if (strcmp(optarg, "table")) {
				fprintf(stderr, "aibom: inspect: --format is table or json, not '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': fputs(usage, stdout); return EXIT_DONE;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (json)
		fputs("[", stdout);
	for (i = optind; i < argc; i++) {
		aibom_inspection *insp = NULL;
		aibom_buf buf = {0};
		int rc = aibom_inspect_path(&insp, argv[i]);
		size_t k, n;

		if (rc < 0) {
			fprintf(stderr, "aibom: %s: %s\n", argv[i], aibom_error_last()->message);
			status = EXIT_INPUT;
			continue;
		}
		if (aibom_inspection_verdict(insp) == AIBOM_VERDICT_DANGEROUS)
			dangerous = 1;
		if (json) {
			if (aibom_inspection_to_json(&buf, insp) < 0) {
				fprintf(stderr, "aibom: %s: %s\n", argv[i], aibom_error_last()->message);
				status = EXIT_INPUT;
			} else {
				/* {"file": ..., <the inspection's fields>} */
				fputs(first ? "\n{\"file\": \"" : ",\n{\"file\": \"", stdout);
				for (const char *p = argv[i]; *p; p++) {
					if (*p == '"' || *p == '\\')
						putchar('\\');
					putchar(*p);
				}
				fputs("\", ", stdout);
				fwrite(buf.ptr + 1, 1, buf.size - 1, stdout);
				first = 0;
			}
			aibom_buf_dispose(&buf);
		} else {
			const char *reason = aibom_inspection_reason(insp);
			printf("%s: %s, %s%s%s\n", argv[i], aibom_inspection_format(insp),
				aibom_verdict_name(aibom_inspection_verdict(insp)), reason ? ": " : "", reason ? reason : "");
			n = aibom_inspection_import_count(insp);
			for (k = 0; k < n; k++) {
				const aibom_pickle_import *im = aibom_inspection_import(insp, k);
				printf("    %-10s %s.%s at offset %llu%s%s\n",
					im->dangerous > 0 ? "DANGEROUS" : im->dangerous == 0 ? "allowed" : "unknown",
					im->module, im->name, (unsigned long long)im->offset, im->member ? " in " : "",
					im->member ? im->member : "");
			}
		}
		aibom_inspection_free(insp);
	}
	if (json)
		fputs("\n]\n", stdout);
	return status != EXIT_DONE ? status : dangerous ? EXIT_GATE : EXIT_DONE;
}
