/*
 * test-manifest.c - requirements files and pyproject.toml (PEP 621 and Poetry).
 */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "manifest/manifest.h"

static const aibom_dependency *dep(aibom_vec *v, const char *name)
{
	size_t i;
	for (i = 0; i < v->count; i++)
		if (!strcmp(aibom_vec__at(v, aibom_dependency, i)->name, name))
			return aibom_vec__at(v, aibom_dependency, i);
	return NULL;
}

static void free_deps(aibom_vec *v)
{
	size_t i;
	for (i = 0; i < v->count; i++)
		aibom_dependency__free(aibom_vec__at(v, aibom_dependency, i));
	aibom_vec__free(v);
}

START_TEST(requirements)
{
	static const char text[] =
		"# comment\n"
		"-r base.txt\n"
		"openai==1.51.0\n"
		"Sentence_Transformers>=3.0 ; python_version >= '3.9'\n"
		"torch[cuda]==2.4.1  # pinned\n"
		"langchain-openai\n"
		"git+https://example.invalid/x.git#egg=thing\n"
		"   \n"
		"numpy==1.*\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__requirements(&v, text, strlen(text)), 0);
	ck_assert_uint_eq(v.count, 5);
	ck_assert_ptr_nonnull(d = dep(&v, "openai"));
	ck_assert_str_eq(d->version, "1.51.0");
	ck_assert_uint_eq(d->line, 3);
	ck_assert_ptr_nonnull(d = dep(&v, "sentence-transformers"));
	ck_assert_ptr_null(d->version);
	ck_assert_str_eq(d->spec, ">=3.0");
	ck_assert_ptr_nonnull(d = dep(&v, "torch"));
	ck_assert_str_eq(d->version, "2.4.1");
	ck_assert_ptr_nonnull(d = dep(&v, "numpy"));
	ck_assert_ptr_null(d->version);
	free_deps(&v);
}
END_TEST

START_TEST(pyproject_pep621_and_poetry)
{
	static const char text[] =
		"[project]\n"
		"name = \"demo\"\n"
		"dependencies = [\n"
		"  \"transformers==4.44.2\",\n"
		"  \"fastapi>=0.110\",  # web\n"
		"]\n"
		"[project.optional-dependencies]\n"
		"gpu = [\"vllm==0.6.1\"]\n"
		"[tool.poetry.dependencies]\n"
		"python = \"^3.11\"\n"
		"anthropic = \"0.34.2\"\n"
		"llama-index = { version = \"^0.11\", extras = [\"x\"] }\n"
		"[tool.other]\n"
		"dependencies = [\"not-a-dep\"]\n";
	aibom_vec v = AIBOM_VEC_INIT(aibom_dependency);
	const aibom_dependency *d;

	ck_assert_int_eq(aibom_manifest__pyproject(&v, text, strlen(text)), 0);
	ck_assert_ptr_nonnull(d = dep(&v, "transformers"));
	ck_assert_str_eq(d->version, "4.44.2");
	ck_assert_uint_eq(d->line, 4);
	ck_assert_ptr_nonnull(dep(&v, "fastapi"));
	ck_assert_ptr_nonnull(d = dep(&v, "vllm"));
	ck_assert_str_eq(d->version, "0.6.1");
	ck_assert_ptr_nonnull(d = dep(&v, "anthropic"));
	ck_assert_str_eq(d->version, "0.34.2");
	ck_assert_ptr_nonnull(d = dep(&v, "llama-index"));
	ck_assert_ptr_null(d->version);
	ck_assert_ptr_null(dep(&v, "python"));
	ck_assert_ptr_null(dep(&v, "not-a-dep"));
	free_deps(&v);
}
END_TEST

Suite *manifest_suite(void)
{
	Suite *s = suite_create("manifest");
	TCase *tc = tcase_create("manifest");
	tcase_add_test(tc, requirements);
	tcase_add_test(tc, pyproject_pep621_and_poetry);
	suite_add_tcase(s, tc);
	return s;
}
