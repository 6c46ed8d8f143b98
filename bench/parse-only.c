/*
 * parse-only.c - the baseline for bench/bench.py: list the same files a scan would (same source
 * code, same skips and size cap), read them and parse the Python, JavaScript and TypeScript ones
 * with tree-sitter, nothing
 * else, on one thread. Prints "files bytes seconds".
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <tree_sitter/api.h>

#include "lang/lang.h"
#include "source/source.h"

const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

int main(int argc, char **argv)
{
	aibom_vec diags = AIBOM_VEC_INIT(char *);
	aibom_source *src = NULL;
	TSParser *parser = ts_parser_new();
	struct timespec t0, t1;
	size_t i, files = 0, bytes = 0;
	void *state = NULL;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: aibom-parse-only PATH [REV]\n");
		return 2;
	}
	ts_parser_set_language(parser, tree_sitter_python());
	clock_gettime(CLOCK_MONOTONIC, &t0);
	aibom_source_opts so = {4u << 20, 0, NULL, NULL};
	if (aibom_source__open(&src, argv[1], argc == 3 ? argv[2] : NULL, &so, &diags) < 0) {
		fprintf(stderr, "aibom-parse-only: %s\n", aibom_error_last()->message);
		return 3;
	}
	for (i = 0; i < aibom_source__count(src); i++) {
		const aibom_source_file *f = aibom_source__file(src, i);
		aibom_buf data = {0}, nb = {0};
		uint32_t *map = NULL, n = 0;
		const char *text;
		size_t len;
		TSTree *tree;

		if (aibom_source__read(&data, src, i, &state) < 0)
			continue;
		files++;
		bytes += data.size;
		text = data.ptr;
		len = data.size;
		if (f->kind == FILE_NOTEBOOK) {
			if (aibom_notebook__to_python(&nb, &map, &n, text, len) == 0) {
				text = nb.ptr;
				len = nb.size;
			}
		}
		switch (f->kind) {
		case FILE_PYTHON: case FILE_NOTEBOOK: ts_parser_set_language(parser, tree_sitter_python()); break;
		case FILE_JAVASCRIPT: ts_parser_set_language(parser, tree_sitter_javascript()); break;
		case FILE_TYPESCRIPT: ts_parser_set_language(parser, tree_sitter_typescript()); break;
		case FILE_TSX: ts_parser_set_language(parser, tree_sitter_tsx()); break;
		case FILE_GO: ts_parser_set_language(parser, aibom_lang_go.grammar()); break;
		case FILE_JAVA: ts_parser_set_language(parser, aibom_lang_java.grammar()); break;
		default:
			free(map);
			aibom_buf_dispose(&nb);
			aibom_buf_dispose(&data);
			continue;
		}
		tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
		ts_tree_delete(tree);
		free(map);
		aibom_buf_dispose(&nb);
		aibom_buf_dispose(&data);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%zu %zu %.3f\n", files, bytes,
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (state)
		aibom_source__thread_done(src, state);
	aibom_source__free(src);
	for (i = 0; i < diags.count; i++)
		free(*aibom_vec__at(&diags, char *, i));
	aibom_vec__free(&diags);
	ts_parser_delete(parser);
	return 0;
}
