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
	free(f->diagnostic);
	f->diagnostic = NULL;
}

uint32_t aibom_facts__map_line(const aibom_facts *f, uint32_t line)
{
	if (f->line_map == NULL || line == 0 || line >= f->line_map_len)
		return line;
	return f->line_map[line];
}
