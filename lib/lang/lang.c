/*
 * lang.c - compiling a language's query, with an error that points into the .scm text.
 */
#include <stdio.h>
#include <string.h>

#include "lang.h"

TSQuery *aibom_lang__compile(const aibom_lang *lang)
{
	const TSLanguage *g = lang->grammar();
	uint32_t offset = 0;
	TSQueryError kind = TSQueryErrorNone;
	TSQuery *q;

	if (ts_language_version(g) < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION ||
	    ts_language_version(g) > TREE_SITTER_LANGUAGE_VERSION) {
		aibom_error__set(AIBOM_ERROR_QUERY, "%s grammar has ABI %u; this tree-sitter runtime reads %u to %u",
			lang->name, ts_language_version(g), TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION,
			TREE_SITTER_LANGUAGE_VERSION);
		return NULL;
	}
	q = ts_query_new(g, lang->query_source, (uint32_t)strlen(lang->query_source), &offset, &kind);
	if (q == NULL)
		aibom_error__set(AIBOM_ERROR_QUERY, "%s query: error %d at byte %u", lang->name, (int)kind, offset);
	return q;
}

char *aibom_lang__module_of(const aibom_lang *lang, const char *path, bool *is_package)
{
	const char *slash;
	char *mod, *q;

	if (!(lang->traits & AIBOM_LANG_FOLDER_MODULE))
		return aibom_lang__module_name(path, is_package);
	*is_package = false;
	slash = strrchr(path, '/');
	if ((mod = aibom__strndup(path, slash ? (size_t)(slash - path) : 0)) == NULL)
		return NULL;
	for (q = mod; *q; q++)
		if (*q == '/')
			*q = '.';
	return mod;
}
