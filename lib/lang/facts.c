/*
 * facts.c - life cycle of the per-file facts container.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "facts.h"

void aibom_facts__init(aibom_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->defs.item_size = sizeof(aibom_def);
	f->imports.item_size = sizeof(aibom_import);
	f->bindings.item_size = sizeof(aibom_binding);
	f->calls.item_size = sizeof(aibom_call);
	f->returns.item_size = sizeof(aibom_return);
	f->strings.item_size = sizeof(aibom_string);
}

void aibom_facts__free(aibom_facts *f)
{
	if (f == NULL)
		return;
	aibom_vec__free(&f->defs);
	aibom_vec__free(&f->imports);
	aibom_vec__free(&f->bindings);
	aibom_vec__free(&f->calls);
	aibom_vec__free(&f->returns);
	aibom_vec__free(&f->strings);
	aibom_arena__free(&f->arena);
	free(f->binding_keys);
	f->binding_keys = NULL;
	free(f->def_keys);
	f->def_keys = NULL;
	free(f->diagnostic);
	f->diagnostic = NULL;
}

uint32_t aibom_facts__map_line(const aibom_facts *f, uint32_t line)
{
	if (f->line_map == NULL || line == 0 || line >= f->line_map_len)
		return line;
	return f->line_map[line];
}

static int key_cmp(const void *a, const void *b)
{
	const aibom_binding_key *x = a, *y = b;
	int c = strcmp(x->target, y->target);

	if (c)
		return c;
	if (x->scope != y->scope)
		return x->scope < y->scope ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int def_key_cmp(const void *a, const void *b)
{
	const aibom_def_key *x = a, *y = b;
	int c;

	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

int aibom_facts__index(aibom_facts *f)
{
	size_t i;

	free(f->binding_keys);
	free(f->def_keys);
	f->binding_keys = NULL;
	f->def_keys = NULL;
	if ((f->defs.count && (f->def_keys = malloc(sizeof(aibom_def_key) * f->defs.count)) == NULL) ||
	    (f->bindings.count && (f->binding_keys = malloc(sizeof(aibom_binding_key) * f->bindings.count)) == NULL)) {
		aibom_error__oom();
		return -1;
	}
	for (i = 0; i < f->defs.count; i++) {
		const aibom_def *d = aibom_vec__at(&f->defs, aibom_def, i);
		f->def_keys[i] = (aibom_def_key){d->parent, d->name, (uint32_t)i};
	}
	if (f->defs.count)
		qsort(f->def_keys, f->defs.count, sizeof(aibom_def_key), def_key_cmp);
	if (f->bindings.count == 0)
		return 0;
	for (i = 0; i < f->bindings.count; i++) {
		const aibom_binding *b = aibom_vec__at(&f->bindings, aibom_binding, i);
		f->binding_keys[i] = (aibom_binding_key){b->target, b->scope, b->line, (uint32_t)i};
	}
	qsort(f->binding_keys, f->bindings.count, sizeof(aibom_binding_key), key_cmp);
	return 0;
}

const aibom_binding_key *aibom_facts__bindings_named(const aibom_facts *f, const char *name, size_t *count)
{
	size_t lo = 0, hi = f->binding_keys ? f->bindings.count : 0, n = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(f->binding_keys[mid].target, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + n < (f->binding_keys ? f->bindings.count : 0) && !strcmp(f->binding_keys[lo + n].target, name))
		n++;
	*count = n;
	return n ? &f->binding_keys[lo] : NULL;
}

const aibom_def_key *aibom_facts__defs_named(const aibom_facts *f, int parent, const char *name, size_t *count)
{
	size_t lo = 0, total = f->def_keys ? f->defs.count : 0, hi = total, n = 0;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const aibom_def_key *k = &f->def_keys[mid];
		if (k->parent < parent || (k->parent == parent && strcmp(k->name, name) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + n < total && f->def_keys[lo + n].parent == parent && !strcmp(f->def_keys[lo + n].name, name))
		n++;
	*count = n;
	return n ? &f->def_keys[lo] : NULL;
}

int aibom_facts__def_named(const aibom_facts *f, int parent, const char *name)
{
	size_t n;
	const aibom_def_key *k = aibom_facts__defs_named(f, parent, name, &n);

	return k ? (int)k->index : -1;
}

int aibom_facts__def_at_byte(const aibom_facts *f, uint32_t start)
{
	size_t lo = 0, hi = f->defs.count; /* extraction sorts the definitions by their start */

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (aibom_vec__at(&f->defs, aibom_def, mid)->start_byte < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->defs.count && aibom_vec__at(&f->defs, aibom_def, lo)->start_byte == start ? (int)lo : -1;
}
