/*
 * test-rules.c - the rule catalog (loading, errors that name the file and the rule, user rule
 * files as a data-only way to add a provider) and the matcher's name resolution, each case a
 * small repository scanned through the public API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "rules/rules.h"

START_TEST(builtin_catalog_loads)
{
	aibom_catalog *c = NULL;

	ck_assert_int_eq(aibom_catalog__new(&c), 0);
	ck_assert_uint_gt(c->rules.count, 80);
	ck_assert_ptr_nonnull(aibom_catalog__flag(c, "unsafe_torch_load"));
	ck_assert_int_eq(aibom_catalog__flag(c, "unsafe_torch_load")->cwe, 502);
	ck_assert_ptr_nonnull(aibom_catalog__provider(c, "openai"));
	ck_assert(aibom_catalog__is_ai_package(c, "transformers", false));
	ck_assert(aibom_catalog__is_ai_package(c, "langchain-openai", false));
	ck_assert(!aibom_catalog__is_ai_package(c, "flask", false));
	ck_assert(aibom_catalog__is_ai_package(c, "openai", true));
	ck_assert(aibom_catalog__is_ai_package(c, "@ai-sdk/openai", true));
	ck_assert(!aibom_catalog__is_ai_package(c, "express", true));
	aibom_catalog__free(c);
}
END_TEST

START_TEST(bad_rule_files_name_file_and_rule)
{
	aibom_catalog *c = NULL;
	static const char missing_kind[] =
		"{\"aibom_rules\": 1, \"rules\": [{\"id\": \"acme.chat\", \"provider\": \"acme\", \"calls\": [\"acme.chat\"]}]}";

	ck_assert_int_eq(aibom_catalog__new(&c), 0);
	ck_assert_int_lt(aibom_catalog__add(c, "mine.json", "{oops", 5), 0);
	ck_assert_int_eq(aibom_error_last()->klass, AIBOM_ERROR_RULES);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "mine.json"));
	ck_assert_int_lt(aibom_catalog__add(c, "mine.json", "{}", 2), 0);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "aibom_rules"));
	ck_assert_int_lt(aibom_catalog__add(c, "acme.json", missing_kind, strlen(missing_kind)), 0);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "acme.json: rule \"acme.chat\""));
	aibom_catalog__free(c);
}
END_TEST

static aibom_scan *scan_tree(const char *dir, const char *const *rules, size_t nrules)
{
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	int rc;

	opts.jobs = 2;
	opts.rule_files = rules;
	opts.rule_files_count = nrules;
	rc = aibom_scan_path(&scan, dir, &opts);
	ck_assert_msg(rc == 0, "scan failed: %s", aibom_error_last()->message);
	return scan;
}

START_TEST(resolution_through_scopes_and_modules)
{
	char *dir = tmpdir_new("resolve");
	aibom_scan *scan;
	expect_finding want[] = {
		{"app/main.py", 13, "gpt-4o", "constant", "openai", false},
		{"app/main.py", 16, "gpt-4o-mini", "default", "openai", false},
		{"app/main.py", 19, "claude-3-5-sonnet", "env_default", "anthropic", false},
		{"app/main.py", 22, "models/{}", "partial", "huggingface", false},
		{"app/main.py", 25, NULL, "env:LLM", "openai", false},
		{"app/main.py", 28, "llama3.1", "constant", "ollama", false},
		{"app/main.py", 31, NULL, "unresolved", "openai", false},
		{"app/main.py", 34, "mistral-large", "env_default", "openai", false},
		{"app/svc.py", 9, "gpt-4.1", "constant", "openai", false},
		{"app/svc.py", 12, "text-embedding-3-large", "constant", "openai", false},
		{NULL, 0, NULL, NULL, NULL, false},
	};

	write_file(dir, "app/__init__.py", "", 0);
	write_file(dir, "app/main.py",
		"import os\n"
		"from openai import OpenAI\n"
		"import anthropic\n"
		"from transformers import AutoModel\n"
		"import ollama\n"
		"from .config import CHAT_MODEL\n"
		"from . import config as cfg\n"
		"client = OpenAI()\n"
		"a = b\n"
		"b = a\n"
		"\n"
		"def one():\n"
		"    return client.chat.completions.create(model=CHAT_MODEL)\n"
		"\n"
		"def two(model='gpt-4o-mini'):\n"
		"    return client.chat.completions.create(model=model)\n"
		"\n"
		"def three():\n"
		"    return anthropic.Anthropic().messages.create(model=os.getenv('M', 'claude-3-5-sonnet'))\n"
		"\n"
		"def four(name):\n"
		"    return AutoModel.from_pretrained('models/' + name)\n"
		"\n"
		"def five():\n"
		"    return client.chat.completions.create(model=os.environ['LLM'])\n"
		"\n"
		"def six():\n"
		"    return ollama.chat(model=cfg.OLLAMA)\n"
		"\n"
		"def seven():\n"
		"    return client.chat.completions.create(model=a)\n"
		"\n"
		"def eight():\n"
		"    return client.chat.completions.create(model=os.getenv('X') or 'mistral-large')\n",
		(size_t)-1);
	/* OLLAMA is defined after the settings object: a module constant all the same */
	write_file(dir, "app/config.py",
		"import os\n"
		"CHAT_MODEL = 'gpt-4o'\n"
		"class Settings:\n"
		"    embed_model: str = 'text-embedding-3-large'\n"
		"settings = Settings()\n"
		"OLLAMA = 'llama3.1'\n", (size_t)-1);
	write_file(dir, "app/svc.py",
		"from openai import OpenAI\n"
		"from app.config import settings\n"
		"def make():\n"
		"    return OpenAI()\n"
		"class Svc:\n"
		"    MODEL = 'gpt-4.1'\n"
		"    def __init__(self):\n"
		"        self.llm = make()\n"
		"    def ask(self): return self.llm.chat.completions.create(model=self.MODEL)\n"
		"    def embed(self):\n"
		"        e = self.llm\n"
		"        return e.embeddings.create(model=settings.embed_model)\n", (size_t)-1);
	scan = scan_tree(dir, NULL, 0);
	check_findings(scan, want);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(traps_are_not_findings)
{
	char *dir = tmpdir_new("traps");
	aibom_scan *scan;

	write_file(dir, "t.py",
		"import json, numpy as np, timm\n"
		"# client.chat.completions.create(model='gpt-4o') in a comment\n"
		"def load_model(p):\n"
		"    '''Loads https://huggingface.co/org/m -- in a docstring'''\n"
		"    return json.load(open(p))\n"
		"class DB:\n"
		"    def create(self, **kw): pass\n"
		"db = DB()\n"
		"db.chat.completions.create(model='gpt-4o')\n"
		"load_model('x.pkl')\n"
		"np.load('a.npy')\n"
		"timm.create_model('resnet50', pretrained=False)\n"
		"print('using gpt-4o')\n", (size_t)-1);
	scan = scan_tree(dir, NULL, 0);
	ck_assert_uint_eq(count_findings(scan, NULL, NULL, NULL), 0);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(user_rule_file_adds_a_provider)
{
	char *dir = tmpdir_new("userrules"), path[4200];
	const char *rules[1];
	aibom_scan *scan;

	write_file(dir, "code/app.py",
		"from acme_ai import Client\n"
		"c = Client('secret-key')\n"
		"c.generate(model='acme-large-2', prompt='hi')\n", (size_t)-1);
	write_file(dir, "acme.json",
		"{\"aibom_rules\": 1, \"language\": \"python\", \"rules\": [{\"id\": \"acme.generate\","
		" \"kind\": \"sdk_call\", \"provider\": \"acme\", \"calls\": [\"acme_ai.Client().generate\"],"
		" \"model\": [{\"kw\": \"model\"}], \"model_type\": \"hosted\"}]}", (size_t)-1);
	snprintf(path, sizeof(path), "%s/acme.json", dir);
	rules[0] = path;
	{
		char code[4200];
		snprintf(code, sizeof(code), "%s/code", dir);
		scan = scan_tree(code, NULL, 0);
		ck_assert_uint_eq(count_findings(scan, NULL, NULL, NULL), 0);
		aibom_scan_free(scan);
		scan = scan_tree(code, rules, 1);
		ck_assert_uint_eq(count_findings(scan, "sdk_call", "acme_ai.Client.generate", "acme-large-2"), 1);
		aibom_scan_free(scan);
	}
	rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(flags_and_provider_from_base_url)
{
	char *dir = tmpdir_new("flags");
	aibom_scan *scan;
	aibom_finding_iter *it;
	const aibom_finding *f;
	int seen = 0;

	write_file(dir, "f.py",
		"import torch\n"
		"from openai import OpenAI\n"
		"from transformers import AutoModel\n"
		"torch.load('w.pt')\n"
		"torch.load('w.pt', weights_only=True)\n"
		"AutoModel.from_pretrained('org/m', trust_remote_code=True)\n"
		"AutoModel.from_pretrained('org/m', revision='abc123')\n"
		"OpenAI(base_url='https://api.groq.com/openai/v1').chat.completions.create(model='llama3')\n"
		"import ollama\n"
		"ollama.Client('http://gpu-box:11434').chat(model='qwen2.5')\n",
		(size_t)-1);
	scan = scan_tree(dir, NULL, 0);
	ck_assert_int_eq(aibom_finding_iter_new(&it, scan), 0);
	while (aibom_finding_next(&f, it) == 0) {
		seen++;
		switch (f->line) {
		case 4: ck_assert_str_eq(f->flags, "unsafe_torch_load"); break;
		case 5: ck_assert_str_eq(f->flags, ""); break;
		case 6: ck_assert_str_eq(f->flags, "trust_remote_code,unpinned_revision"); break;
		case 7: ck_assert_str_eq(f->flags, ""); break;
		case 8: ck_assert_str_eq(f->provider, "groq"); break;
		case 10: ck_assert_str_eq(f->model, "qwen2.5"); break; /* "()" in a rule matches ('...') */
		default: ck_abort_msg("unexpected line %u", f->line);
		}
	}
	ck_assert_int_eq(seen, 6);
	aibom_finding_iter_free(it);
	aibom_scan_free(scan);
	rmtree(dir);
	free(dir);
}
END_TEST

Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("rules");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, builtin_catalog_loads);
	tcase_add_test(tc, bad_rule_files_name_file_and_rule);
	tcase_add_test(tc, resolution_through_scopes_and_modules);
	tcase_add_test(tc, traps_are_not_findings);
	tcase_add_test(tc, user_rule_file_adds_a_provider);
	tcase_add_test(tc, flags_and_provider_from_base_url);
	suite_add_tcase(s, tc);
	return s;
}
