/*
 * helpers.h - what the Check suites share: temporary trees, file writing, BOM validation
 * against the official CycloneDX 1.6 schema (through tests/validate-bom.cjs), and the suites.
 */
#ifndef AIBOM_TEST_HELPERS_H
#define AIBOM_TEST_HELPERS_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "aibom.h"

/* A fresh directory under $TMPDIR; caller frees the string and removes the tree with rmtree(). */
char *tmpdir_new(const char *tag);
void rmtree(const char *path);
/* Write TEXT (LEN bytes, or strlen when LEN is (size_t)-1) to DIR/REL, creating folders. */
void write_file(const char *dir, const char *rel, const char *text, size_t len);
/* Read a whole file; NULL if it cannot. Caller frees. */
char *read_text(const char *path, size_t *len);
/* Validate a CycloneDX JSON text with the real schema; fails the test when invalid. */
void assert_valid_bom(const char *json, const char *what);
/* Path of the source tree (MESON_SOURCE_ROOT or the compiled-in default). */
const char *source_root(void);
/* Count the findings of SCAN that match KIND/API/MODEL (NULL: any). */
size_t count_findings(aibom_scan *scan, const char *kind, const char *api, const char *model);

/* A finding a test wants at PATH:LINE: its model (NULL: none), and when set, the start of its
 * resolution and its provider. check_findings() fails on a finding no entry wants and on an entry
 * no finding matched. The list ends with a NULL path. */
typedef struct {
	const char *path;
	unsigned line;
	const char *model, *resolution, *provider;
	bool seen;
} expect_finding;
void check_findings(aibom_scan *scan, expect_finding *want);

Suite *util_suite(void);
Suite *python_suite(void);
Suite *rules_suite(void);
Suite *manifest_suite(void);
Suite *scan_suite(void);
Suite *git_suite(void);
Suite *corpus_suite(void);
Suite *artifact_suite(void);
Suite *langs_suite(void);
Suite *ecosystems_suite(void);
Suite *config_suite(void);

#endif
