/*
 * lang.h - the languages aibom extracts facts from. A language is a tree-sitter grammar, a
 * query file (embedded at build time) and an extractor that turns query captures into facts.
 */
#ifndef AIBOM_LANG_H
#define AIBOM_LANG_H

#include <tree_sitter/api.h>

#include "facts.h"

typedef struct aibom_lang aibom_lang;

/* What one worker thread owns to parse files of one language. */
typedef struct {
	TSParser *parser;
	TSQueryCursor *cursor;
} aibom_lang_worker;

struct aibom_lang {
	const char *name;
	const TSLanguage *(*grammar)(void);
	const char *query_source;
	/* Fill F from SRC; returns 0, or -1 with an error set when the file cannot be parsed at all.
	 * Partial trees (syntax errors) succeed and leave f->diagnostic set. */
	int (*extract)(aibom_facts *f, const aibom_lang *lang, const TSQuery *query,
		aibom_lang_worker *w, const char *src, size_t len);
};

extern const aibom_lang aibom_lang_python;

/* Compile LANG's query; returns NULL with an error set (class QUERY) on failure. */
TSQuery *aibom_lang__compile(const aibom_lang *lang);

/* Convert a Jupyter notebook to the Python source of its code cells; *line_map[i] is the line
 * of the notebook file that holds line i of the source (1-based). Returns 0 or -1 (error set). */
int aibom_notebook__to_python(aibom_buf *out, uint32_t **line_map, uint32_t *line_map_len,
	const char *json, size_t len);

/* Module name of a repo-relative Python path: "src/pkg/mod.py" -> "pkg.mod"; "" if none. */
char *aibom_python__module_name(const char *path, bool *is_package);

#endif
