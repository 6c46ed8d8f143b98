/*
 * ecosystems.h - dependency manifests and lock files beyond Python: Go (go.mod, go.sum), Maven
 * (pom.xml), Gradle (build.gradle, build.gradle.kts) and npm lock files (package-lock.json,
 * npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock), and filling unpinned dependencies from locks.
 *
 * Every reader appends aibom_dependency items to OUT with `eco` set; the strings of an item are
 * malloc'd and released with aibom_dependency__free(). A reader never fails on bad content:
 * what it cannot read is skipped, and a truncated file yields what came before the damage. It
 * returns -1 (error set to NOMEMORY) only when memory runs out; items appended before that stay
 * in OUT, each one safe to free.
 */
#ifndef AIBOM_MANIFEST_ECOSYSTEMS_H
#define AIBOM_MANIFEST_ECOSYSTEMS_H

#include "manifest.h"

/* go.mod: every module of a `require x v1.2.3` line or `require ( ... )` block (replace,
 * exclude and retract are ignored). name is the module path as written (case kept), version the
 * version as written ("v1.2.3", "v0.0.0-2023...-abcdef", "v2.0.0+incompatible"), spec the
 * version followed by " // indirect" when the requirement is marked indirect. */
int aibom_manifest__go_mod(aibom_vec *out, const char *text, size_t len);

/* The path of go.mod's `module` directive, malloc'd; NULL when there is none (or memory ran
 * out, with the error set). Caller frees. */
char *aibom_manifest__go_module_path(const char *text, size_t len);

/* go.sum: one item per module@version of the `module version h1:hash=` lines (the
 * `version/go.mod` lines are skipped); spec is the "h1:..." hash. */
int aibom_manifest__go_sum(aibom_vec *out, const char *text, size_t len);

/* pom.xml: each <dependency> of <dependencies> and <dependencyManagement> (of the project or a
 * profile; plugin dependencies are not the project's). name is "groupId:artifactId"; spec the
 * <version> text as written ("" when absent); version that text with ${property} references
 * resolved from <properties>, ${project.version}, ${project.groupId} and the <parent>, NULL
 * when a reference cannot be resolved or the version is a range. A dependency without a
 * version takes the one <dependencyManagement> of the same file gives it. */
int aibom_manifest__pom(aibom_vec *out, const char *text, size_t len);

/* build.gradle / build.gradle.kts: implementation, api, compileOnly, runtimeOnly,
 * testImplementation, annotationProcessor, kapt and friends (and the <variant>Implementation
 * forms) with "g:a:v", ("g:a:v"), platform("g:a:v"), the map form group: 'g', name: 'a',
 * version: 'v' (or Kotlin's group = "g", ...). name is "g:a"; spec the version as written;
 * version that text with $var / ${var} taken from simple string assignments (def / val / var,
 * ext { }, ext.x = , extra["x"] = , set("x", "v"), x = [k: 'v'] maps), else NULL. Dynamic
 * versions (1.+, latest.release, ranges) leave version NULL. */
int aibom_manifest__gradle(aibom_vec *out, const char *text, size_t len);

/* npm lock files, told apart by FILE_NAME (its last path component): package-lock.json and
 * npm-shrinkwrap.json (lockfileVersion 1 "dependencies", 2/3 "packages" - the packages installed
 * at the top of node_modules), pnpm-lock.yaml (the root importer's direct dependencies, spec
 * their specifier, then every package key) and yarn.lock (v1 and berry: every block, spec its
 * ranges joined by ", "). Only items with an exact registry version are appended, once per
 * name@version; workspace links, files and URLs are left out. Another FILE_NAME appends
 * nothing. */
int aibom_manifest__npm_lock(aibom_vec *out, const char *file_name, const char *text, size_t len);

/* For each item of DEPS without a version, the version of an item of LOCKED with the same
 * ecosystem and name: preferably one whose spec is (or lists) the dependency's spec, else the
 * first. Returns 0, or -1 when memory runs out. */
int aibom_manifest__apply_locks(aibom_vec *deps, const aibom_vec *locked);

#endif
