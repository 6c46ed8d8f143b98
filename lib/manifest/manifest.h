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
	bool npm;       /* from package.json (purl pkg:npm), else PyPI */
} aibom_dependency;

/* Parse TEXT; dependencies are appended to OUT (aibom_dependency). Never fails on bad content:
 * lines it cannot read are skipped. Returns -1 only when memory runs out. */
int aibom_manifest__requirements(aibom_vec *out, const char *text, size_t len);
int aibom_manifest__pyproject(aibom_vec *out, const char *text, size_t len);
void aibom_dependency__free(aibom_dependency *d);

/* What a manifest declares about the project itself: its name (malloc'd into *name, NULL when
 * none) and its entry points, appended to SCRIPTS as malloc'd "module:function\tkind\tframework"
 * strings: [project.scripts] / [tool.poetry.scripts] of a pyproject.toml, "name" of a
 * package.json, the handlers of an AWS SAM template.yaml or serverless.yml (DIR is the folder
 * of the manifest, "" at the root). Returns -1 only when memory runs out. */
int aibom_manifest__project(char **name, aibom_vec *scripts, const char *file_name, const char *dir,
	const char *text, size_t len);

/* package.json "dependencies", "devDependencies", "optionalDependencies" and "peerDependencies"
 * appended to OUT (npm set); an exact version ("4.56.0", "=4.56.0") is the version. */
int aibom_manifest__package_json(aibom_vec *out, const char *text, size_t len);

#endif
