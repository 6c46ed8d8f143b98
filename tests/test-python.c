/*
 * test-python.c - Python facts from real tree-sitter-python trees: definitions and their
 * qualified names, imports (aliases, relative), bindings, docstrings, syntax errors, deep
 * nesting, and notebooks with their line map.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lang/lang.h"

typedef struct {
	aibom_facts f;
	TSQuery *q;
	aibom_lang_worker w;
	int rc;
} extracted;

static void extract(extracted *x, const char *path, const char *src)
{
	char *mod;
	bool pkg;

	aibom_facts__init(&x->f);
	x->f.path = path;
	pkg = false;
	mod = aibom_lang__module_name(path, &pkg);
	x->f.is_package = pkg;
	x->f.module = aibom_arena__strdup(&x->f.arena, mod);
	free(mod);
	x->q = aibom_lang__compile(&aibom_lang_python);
	ck_assert_msg(x->q != NULL, "%s", aibom_error_last()->message);
	x->w.parser = ts_parser_new();
	x->w.cursor = ts_query_cursor_new();
	x->rc = aibom_extract__run(&x->f, &aibom_lang_python, x->q, &x->w, src, strlen(src));
}

static void done(extracted *x)
{
	aibom_facts__free(&x->f);
	ts_query_delete(x->q);
	ts_parser_delete(x->w.parser);
	ts_query_cursor_delete(x->w.cursor);
}

static const aibom_import *import_named(aibom_facts *f, const char *alias)
{
	size_t i;
	for (i = 0; i < f->imports.count; i++) {
		const aibom_import *imp = aibom_vec__at(&f->imports, aibom_import, i);
		if (!strcmp(imp->alias, alias))
			return imp;
	}
	return NULL;
}

START_TEST(module_names)
{
	bool pkg;
	char *m;

	m = aibom_lang__module_name("src/app/models.py", &pkg);
	ck_assert_str_eq(m, "app.models");
	ck_assert(!pkg);
	free(m);
	m = aibom_lang__module_name("app/__init__.py", &pkg);
	ck_assert_str_eq(m, "app");
	ck_assert(pkg);
	free(m);
	m = aibom_lang__module_name("README.md", &pkg);
	ck_assert_str_eq(m, "");
	free(m);
}
END_TEST

START_TEST(definitions_imports_bindings)
{
	extracted x;
	const aibom_import *imp;
	const aibom_def *d;
	size_t i;
	bool found_self = false;

	extract(&x, "app/routes/chat.py",
		"import onnxruntime as ort\n"
		"import os.path\n"
		"from openai import OpenAI as C\n"
		"from ..config import MODEL\n"
		"from . import helpers\n"
		"class Bot(Base):\n"
		"    \"\"\"Uses https://huggingface.co/not/a-finding in a docstring.\"\"\"\n"
		"    NAME = 'gpt-4o'\n"
		"    def __init__(self):\n"
		"        self.client = C()\n"
		"    @staticmethod\n"
		"    def answer(q, model='x'):\n"
		"        def inner():\n"
		"            return 1\n"
		"        return q\n"
		"url = 'https://huggingface.co/org/model'\n");
	ck_assert_int_eq(x.rc, 0);
	ck_assert_ptr_null(x.f.diagnostic);

	ck_assert_ptr_nonnull(imp = import_named(&x.f, "ort"));
	ck_assert_str_eq(imp->target, "onnxruntime");
	ck_assert_ptr_nonnull(imp = import_named(&x.f, "os"));
	ck_assert_str_eq(imp->target, "os");
	ck_assert_ptr_nonnull(imp = import_named(&x.f, "C"));
	ck_assert_str_eq(imp->target, "openai.OpenAI");
	ck_assert_ptr_nonnull(imp = import_named(&x.f, "MODEL"));
	ck_assert_str_eq(imp->target, "app.config.MODEL");
	ck_assert_ptr_nonnull(imp = import_named(&x.f, "helpers"));
	ck_assert_str_eq(imp->target, "app.routes.helpers");

	ck_assert_uint_eq(x.f.defs.count, 4);
	d = aibom_vec__at(&x.f.defs, aibom_def, 0);
	ck_assert_str_eq(d->qualname, "Bot");
	ck_assert_int_eq(d->kind, DEF_CLASS);
	ck_assert_uint_eq(d->nbases, 1);
	d = aibom_vec__at(&x.f.defs, aibom_def, 2);
	ck_assert_str_eq(d->qualname, "Bot.answer");
	ck_assert_uint_eq(d->nparams, 2);
	ck_assert_str_eq(d->params[1].name, "model");
	ck_assert_ptr_nonnull(d->params[1].default_value);
	ck_assert_str_eq(d->params[1].default_value->text, "x");
	ck_assert_uint_eq(d->ndecorators, 1);
	d = aibom_vec__at(&x.f.defs, aibom_def, 3);
	ck_assert_str_eq(d->qualname, "Bot.answer.inner");
	ck_assert_int_eq(d->parent, 2);

	for (i = 0; i < x.f.bindings.count; i++) {
		const aibom_binding *b = aibom_vec__at(&x.f.bindings, aibom_binding, i);
		if (!strcmp(b->target, "self.client")) {
			found_self = true;
			ck_assert_int_eq(b->scope, 1);
			ck_assert_int_eq(b->value->kind, EXPR_CALL);
		}
	}
	ck_assert(found_self);

	/* the docstring is not a string fact; the module-level URL is */
	for (i = 0; i < x.f.strings.count; i++)
		ck_assert_ptr_null(strstr(aibom_vec__at(&x.f.strings, aibom_string, i)->value, "not/a-finding"));
	ck_assert(x.f.strings.count >= 2);
	done(&x);
}
END_TEST

START_TEST(fstrings_and_concatenation)
{
	extracted x;
	const aibom_binding *b;

	extract(&x, "m.py", "a = f'gpt-{size}-x'\nb = 'org/' + name\nc = 'a' 'b'\n");
	ck_assert_int_eq(x.rc, 0);
	ck_assert_uint_eq(x.f.bindings.count, 3);
	b = aibom_vec__at(&x.f.bindings, aibom_binding, 0);
	ck_assert_int_eq(b->value->kind, EXPR_FSTR);
	ck_assert_uint_eq(b->value->nargs, 3);
	b = aibom_vec__at(&x.f.bindings, aibom_binding, 1);
	ck_assert_int_eq(b->value->kind, EXPR_CONCAT);
	b = aibom_vec__at(&x.f.bindings, aibom_binding, 2);
	ck_assert_int_eq(b->value->kind, EXPR_FSTR);
	done(&x);
}
END_TEST

START_TEST(syntax_error_keeps_partial_facts)
{
	extracted x;

	extract(&x, "broken.py",
		"import torch\n"
		"def ok():\n"
		"    return torch.load('a.pt')\n"
		"def broken(:\n"
		"    pass\n");
	ck_assert_int_eq(x.rc, 0);
	ck_assert_ptr_nonnull(x.f.diagnostic);
	ck_assert_ptr_nonnull(strstr(x.f.diagnostic, "line 4"));
	ck_assert_uint_ge(x.f.calls.count, 1);
	done(&x);
}
END_TEST

START_TEST(deep_nesting_does_not_exhaust_the_stack)
{
	size_t depth = 100000, i;
	char *src = malloc(depth * 2 + 64);
	extracted x;

	ck_assert_ptr_nonnull(src);
	strcpy(src, "x = f");
	memset(src + 5, '(', depth);
	for (i = 0; i < depth; i++)
		src[5 + depth + i] = ')';
	src[5 + depth * 2] = '\n';
	src[6 + depth * 2] = '\0';
	extract(&x, "deep.py", src);
	ck_assert_int_eq(x.rc, 0); /* facts taken, nothing crashed */
	ck_assert_uint_ge(x.f.calls.count, 1);
	done(&x);
	free(src);
}
END_TEST

START_TEST(notebook_line_map)
{
	static const char nb[] =
		"{\n"
		" \"cells\": [\n"
		"  {\n"
		"   \"cell_type\": \"markdown\",\n"
		"   \"metadata\": {},\n"
		"   \"source\": [\n"
		"    \"# uses bert-base-uncased\"\n"
		"   ]\n"
		"  },\n"
		"  {\n"
		"   \"cell_type\": \"code\",\n"
		"   \"execution_count\": 1,\n"
		"   \"metadata\": {},\n"
		"   \"outputs\": [],\n"
		"   \"source\": [\n"
		"    \"%pip install transformers\\n\",\n"
		"    \"from transformers import pipeline\\n\",\n"
		"    \"p = pipeline('ner', model='dslim/bert-base-NER')\"\n"
		"   ]\n"
		"  }\n"
		" ],\n"
		" \"metadata\": {},\n"
		" \"nbformat\": 4,\n"
		" \"nbformat_minor\": 5\n"
		"}\n";
	aibom_buf py = {0};
	uint32_t *map = NULL, n = 0;

	ck_assert_int_eq(aibom_notebook__to_python(&py, &map, &n, nb, strlen(nb)), 0);
	ck_assert_str_eq(py.ptr, "#%pip install transformers\nfrom transformers import pipeline\n"
		"p = pipeline('ner', model='dslim/bert-base-NER')\n");
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(map[1], 16);
	ck_assert_uint_eq(map[2], 17);
	ck_assert_uint_eq(map[3], 18);
	aibom_buf_dispose(&py);
	free(map);

	ck_assert_int_lt(aibom_notebook__to_python(&py, &map, &n, "{\"cells\": 3}", 12), 0);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "cells"));
	ck_assert_int_lt(aibom_notebook__to_python(&py, &map, &n, "{not json", 9), 0);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "JSON"));
}
END_TEST

Suite *python_suite(void)
{
	Suite *s = suite_create("python");
	TCase *tc = tcase_create("extract");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, module_names);
	tcase_add_test(tc, definitions_imports_bindings);
	tcase_add_test(tc, fstrings_and_concatenation);
	tcase_add_test(tc, syntax_error_keeps_partial_facts);
	tcase_add_test(tc, deep_nesting_does_not_exhaust_the_stack);
	tcase_add_test(tc, notebook_line_map);
	suite_add_tcase(s, tc);
	return s;
}
