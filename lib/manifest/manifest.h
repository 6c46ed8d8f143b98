/*
 * manifest.h - dependency manifests (requirements*.txt, pyproject.toml) -> declared libraries.
 */
#ifndef AIBOM_MANIFEST_H
#define AIBOM_MANIFEST_H

#include "../util/util.h"

/* Which registry a dependency comes from (its purl type). */
typedef enum {
	ECO_PYPI = 0, /* pkg:pypi/name@version */
	ECO_NPM,      /* pkg:npm/name@version, pkg:npm/%40scope/name@version */
	ECO_GOLANG,   /* pkg:golang/module/path@v1.2.3 */
	ECO_MAVEN     /* pkg:maven/groupId/artifactId@version; name is "groupId:artifactId" */
} aibom_ecosystem;

typedef struct {
	char *name;     /* PyPI: normalised (lower case, '-' for '_' and '.'); else as written */
	char *version;  /* pinned with == or Poetry's exact "x.y", else NULL */
	char *spec;     /* the constraint as written, "" when none */
	uint32_t line;
	aibom_ecosystem eco;
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

/* FILE_NAME (a base name) is a manifest or lock file of another ecosystem, or a tsconfig: go.mod,
 * go.sum, pom.xml, build.gradle(.kts), package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml,
 * yarn.lock, tsconfig*.json, jsconfig*.json. */
bool aibom_manifest__is_manifest(const char *file_name);

#endif
