/*
 * map.c - an open-addressing string -> pointer hash map (FNV-1a, linear probing), used for the
 * module index and the rule catalog's lookup tables. Keys are copied; values are borrowed.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
	char *key;
	void *value;
} slot;

struct aibom_map {
	slot *slots;
	size_t count;
	size_t cap;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

aibom_map *aibom_map__new(void)
{
	aibom_map *m = calloc(1, sizeof(*m));
	if (m == NULL) {
		aibom_error__oom();
		return NULL;
	}
	m->cap = 64;
	m->slots = calloc(m->cap, sizeof(slot));
	if (m->slots == NULL) {
		free(m);
		aibom_error__oom();
		return NULL;
	}
	return m;
}

static slot *find(slot *slots, size_t cap, const char *key)
{
	size_t i = hash(key) & (cap - 1);
	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(aibom_map *m)
{
	size_t ncap = m->cap * 2, i;
	slot *ns = calloc(ncap, sizeof(slot));

	if (ns == NULL) {
		aibom_error__oom();
		return -1;
	}
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			*find(ns, ncap, m->slots[i].key) = m->slots[i];
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

int aibom_map__set(aibom_map *m, const char *key, void *value)
{
	slot *s;

	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return -1;
	s = find(m->slots, m->cap, key);
	if (s->key == NULL) {
		if ((s->key = aibom__strdup(key)) == NULL)
			return -1;
		m->count++;
	}
	s->value = value;
	return 0;
}

void *aibom_map__get(const aibom_map *m, const char *key)
{
	if (m == NULL)
		return NULL;
	return find(m->slots, m->cap, key)->value;
}

void aibom_map__free(aibom_map *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}
