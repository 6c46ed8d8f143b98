/*
 * notebook.c - Jupyter notebooks as Python: the code cells of an .ipynb joined into one source,
 * with a map from each source line back to the line of the notebook file that holds it, so a
 * finding points at the notebook and the line in it. IPython magics and shell escapes (%, !) are
 * blanked to comments so they do not break the parse; line counts are kept.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "lang.h"

/* File lines of the string elements of every "source" array of a cell (object depth 3), in
 * order of appearance. A tiny JSON lexer: strings, brackets and newlines are all it needs. */
static int source_lines(aibom_vec *out, const char *s, size_t len)
{
	size_t i = 0;
	uint32_t line = 1;
	int depth = 0;
	bool in_source = false, after_key = false;
	int source_depth = 0;

	while (i < len) {
		char c = s[i];
		if (c == '\n') {
			line++;
			i++;
		} else if (c == '"') {
			size_t start = i++;
			uint32_t start_line = line;
			while (i < len && s[i] != '"') {
				if (s[i] == '\\')
					i++;
				else if (s[i] == '\n')
					line++;
				i++;
			}
			i++;
			if (in_source && depth == source_depth + 1) {
				uint32_t *p = aibom_vec__push(out);
				if (p == NULL)
					return -1;
				*p = start_line;
			} else if (in_source && depth == source_depth) {
				/* "source": "single string" */
				uint32_t *p = aibom_vec__push(out);
				if (p == NULL)
					return -1;
				*p = start_line;
				in_source = false;
			} else if (depth == 3 && i - start == 8 && !memcmp(s + start, "\"source\"", 8)) {
				after_key = true;
			}
		} else if (c == ':' && after_key) {
			after_key = false;
			in_source = true;
			source_depth = depth;
			i++;
		} else if (c == '[' || c == '{') {
			depth++;
			i++;
		} else if (c == ']' || c == '}') {
			depth--;
			if (in_source && depth == source_depth)
				in_source = false;
			i++;
		} else {
			if (c != ' ' && c != '\t' && c != '\r' && c != ',')
				after_key = false;
			i++;
		}
	}
	return 0;
}

int aibom_notebook__to_python(aibom_buf *out, uint32_t **line_map, uint32_t *line_map_len,
	const char *json, size_t len)
{
	cJSON *root = cJSON_ParseWithLength(json, len), *cells, *cell;
	aibom_vec lines = AIBOM_VEC_INIT(uint32_t), map = AIBOM_VEC_INIT(uint32_t);
	aibom_str src = AIBOM_STR_INIT;
	size_t element = 0;
	uint32_t *slot;
	int error = -1;

	*line_map = NULL;
	*line_map_len = 0;
	memset(out, 0, sizeof(*out));
	if (root == NULL) {
		aibom_error__set(AIBOM_ERROR_JSON, "not a valid notebook: invalid JSON");
		goto done;
	}
	cells = cJSON_GetObjectItemCaseSensitive(root, "cells");
	if (!cJSON_IsArray(cells)) {
		aibom_error__set(AIBOM_ERROR_INPUT, "not a notebook: no \"cells\" array (nbformat 4 expected)");
		goto done;
	}
	if (source_lines(&lines, json, len) < 0)
		goto done;
	if ((slot = aibom_vec__push(&map)) == NULL) /* index 0 unused: lines are 1-based */
		goto done;
	cJSON_ArrayForEach(cell, cells) {
		cJSON *type = cJSON_GetObjectItemCaseSensitive(cell, "cell_type");
		cJSON *source = cJSON_GetObjectItemCaseSensitive(cell, "source"), *part;
		bool code = cJSON_IsString(type) && !strcmp(type->valuestring, "code");
		cJSON *parts = source;

		if (cJSON_IsString(source))
			parts = NULL;
		if (!code) {
			element += cJSON_IsArray(source) ? (size_t)cJSON_GetArraySize(source) : source ? 1 : 0;
			continue;
		}
		if (cJSON_IsString(source)) {
			/* one string: every line lives on the element's file line */
			uint32_t fl = element < lines.count ? *aibom_vec__at(&lines, uint32_t, element) : 0;
			const char *t = source->valuestring, *nl;
			element++;
			do {
				nl = strchr(t, '\n');
				size_t n = nl ? (size_t)(nl - t) : strlen(t);
				bool magic = n && (t[0] == '%' || t[0] == '!');
				if (magic)
					aibom_str__putc(&src, '#');
				aibom_str__put(&src, t, n);
				aibom_str__putc(&src, '\n');
				if ((slot = aibom_vec__push(&map)) == NULL)
					goto done;
				*slot = fl;
				t = nl ? nl + 1 : t + n;
			} while (nl && *t);
			continue;
		}
		cJSON_ArrayForEach(part, parts) {
			uint32_t fl = element < lines.count ? *aibom_vec__at(&lines, uint32_t, element) : 0;
			const char *t = cJSON_IsString(part) ? part->valuestring : "";
			size_t n = strlen(t);
			element++;
			if (n && (t[0] == '%' || t[0] == '!'))
				aibom_str__putc(&src, '#');
			aibom_str__put(&src, t, n);
			if (n == 0 || t[n - 1] != '\n')
				aibom_str__putc(&src, '\n');
			if ((slot = aibom_vec__push(&map)) == NULL)
				goto done;
			*slot = fl;
		}
	}
	if (aibom_str__detach(out, &src) < 0)
		goto done;
	*line_map = map.items;
	*line_map_len = (uint32_t)map.count;
	map.items = NULL;
	error = 0;
done:
	cJSON_Delete(root);
	aibom_vec__free(&lines);
	aibom_vec__free(&map);
	aibom_str__free(&src);
	return error;
}
