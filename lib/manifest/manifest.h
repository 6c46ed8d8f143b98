/*
 * manifest.h - dependency manifests (requirements*.txt, pyproject.toml) -> declared libraries.
 */
#ifndef AIBOM_MANIFEST_H
#define AIBOM_MANIFEST_H

#include "../util/util.h"

typedef struct {
	char *name;     /* normalised: lower case, '-' for '_' and '.' */
	char *version;  /* pinned with == or Poetry's exact "x.y", else NULL */
	char *spec;     /* the constraint as written, "" when none */
	uint32_t line;
} aibom_dependency;

/* Parse TEXT; dependencies are appended to OUT (aibom_dependency). Never fails on bad content:
 * lines it cannot read are skipped. Returns -1 only when memory runs out. */
int aibom_manifest__requirements(aibom_vec *out, const char *text, size_t len);
int aibom_manifest__pyproject(aibom_vec *out, const char *text, size_t len);
void aibom_dependency__free(aibom_dependency *d);

#endif
