/*
 * arena.c - a bump allocator: the facts of one file are many small strings and nodes that live
 * and die together, so they are carved from large blocks and freed in one go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define BLOCK_SIZE (64 * 1024)

struct aibom_arena_block {
	aibom_arena_block *next;
	size_t used;
	size_t size;
	_Alignas(16) unsigned char data[];
};

void *aibom_arena__alloc(aibom_arena *a, size_t size)
{
	aibom_arena_block *b = a->head;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (b == NULL || b->size - b->used < size) {
		size_t n = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = malloc(sizeof(*b) + n);
		if (b == NULL) {
			a->failed = true;
			aibom_error__oom();
			return NULL;
		}
		b->used = 0;
		b->size = n;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *aibom_arena__strndup(aibom_arena *a, const char *s, size_t n)
{
	char *p = aibom_arena__alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *aibom_arena__strdup(aibom_arena *a, const char *s)
{
	return s ? aibom_arena__strndup(a, s, strlen(s)) : NULL;
}

char *aibom_arena__printf(aibom_arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = aibom_arena__alloc(a, (size_t)n + 1);
	if (p == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void aibom_arena__free(aibom_arena *a)
{
	aibom_arena_block *b = a->head;

	while (b) {
		aibom_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->failed = false;
}
