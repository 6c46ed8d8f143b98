/*
 * test-config.c - configuration files as flat key/value entries: which names are config files,
 * dotenv, Java .properties, Spring / docker-compose / Kubernetes / Helm YAML, appsettings.json,
 * Dockerfile ENV; env flags, line numbers, placeholders, CRLF, and malformed input (no crash,
 * partial output, bounded work).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "manifest/config.h"

typedef struct {
	aibom_vec v;
	int rc;
} parsed;

static parsed parse_n(const char *name, const char *text, size_t len)
{
	parsed p;
	p.v = (aibom_vec)AIBOM_VEC_INIT(aibom_config_entry);
	p.rc = aibom_config__parse(&p.v, name, text, len);
	return p;
}

static parsed parse(const char *name, const char *text)
{
	return parse_n(name, text, strlen(text));
}

/* The first entry named KEY, or NULL. */
static const aibom_config_entry *entry(const parsed *p, const char *key)
{
	size_t i;
	for (i = 0; i < p->v.count; i++)
		if (!strcmp(aibom_vec__at(&p->v, aibom_config_entry, i)->key, key))
			return aibom_vec__at(&p->v, aibom_config_entry, i);
	return NULL;
}

static size_t count_key(const parsed *p, const char *key)
{
	size_t i, n = 0;
	for (i = 0; i < p->v.count; i++)
		n += !strcmp(aibom_vec__at(&p->v, aibom_config_entry, i)->key, key);
	return n;
}

/* KEY is there with VALUE, on LINE, with the ENV flag. */
static void expect(const parsed *p, const char *key, const char *value, uint32_t line, bool env)
{
	const aibom_config_entry *e = entry(p, key);
	ck_assert_msg(e != NULL, "no entry %s", key);
	ck_assert_str_eq(e->value, value);
	ck_assert_msg(e->line == line, "%s: line %u, expected %u", key, e->line, line);
	ck_assert_msg(e->env == env, "%s: env %d", key, e->env);
}

static void release(parsed *p)
{
	size_t i;
	for (i = 0; i < p->v.count; i++)
		aibom_config_entry__free(aibom_vec__at(&p->v, aibom_config_entry, i));
	aibom_vec__free(&p->v);
}

/* TEXT with every "\n" turned into "\r\n"; caller frees. */
static char *crlf(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *out = malloc(2 * n + 1);
	ck_assert_ptr_nonnull(out);
	for (i = 0; i < n; i++) {
		if (text[i] == '\n')
			out[o++] = '\r';
		out[o++] = text[i];
	}
	out[o] = '\0';
	return out;
}

/* Parsing TEXT with LF and with CRLF line endings gives the same entries. */
static void assert_crlf_same(const char *name, const char *text)
{
	char *w = crlf(text);
	parsed a = parse(name, text), b = parse(name, w);
	size_t i;

	ck_assert_int_eq(a.rc, 0);
	ck_assert_int_eq(b.rc, 0);
	ck_assert_msg(a.v.count == b.v.count, "%s: %zu entries with LF, %zu with CRLF", name, a.v.count, b.v.count);
	for (i = 0; i < a.v.count; i++) {
		const aibom_config_entry *x = aibom_vec__at(&a.v, aibom_config_entry, i);
		const aibom_config_entry *y = aibom_vec__at(&b.v, aibom_config_entry, i);
		ck_assert_str_eq(x->key, y->key);
		ck_assert_str_eq(x->value, y->value);
		ck_assert_uint_eq(x->line, y->line);
		ck_assert(x->env == y->env);
	}
	release(&a);
	release(&b);
	free(w);
}

START_TEST(config_file_names)
{
	static const char *const yes[] = {
		".env", ".env.local", ".env.production", "prod.env", "application.yml", "application-dev.yaml",
		"application.properties", "bootstrap.yml", "values.yaml", "values-prod.yml",
		"docker-compose.yml", "docker-compose.override.yaml", "compose.yaml", "config.json",
		"config.yaml", "config.prod.yml", "appsettings.json", "appsettings.Development.json", "settings.json", "settings-local.yaml",
		"gradle.properties", "Dockerfile", "Dockerfile.prod", "api.Dockerfile", "Containerfile",
		"svc/deploy/values.yaml", "APPLICATION.YML",
	};
	static const char *const no[] = {
		".envrc", "environment.py", "config.toml", "settings.py", "package.json", "deployment.yaml",
		"values.txt", "application.json", "Dockerfile-notes.md", "docker-compose.md", "",
	};
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		ck_assert_msg(aibom_config__is_config(yes[i]), "%s should be a config file", yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		ck_assert_msg(!aibom_config__is_config(no[i]), "%s should not be a config file", no[i]);
}
END_TEST

START_TEST(dotenv)
{
	static const char text[] =
		"# models\n"
		"OPENAI_MODEL=gpt-4o-mini\n"
		"export ANTHROPIC_MODEL = claude-3-5-sonnet-latest   # inline comment\n"
		"\n"
		"DQ=\"a \\\"b\\\"\\nc\" # after\n"
		"SQ='lit\\n $X'\n"
		"EMPTY=\n"
		"HASH=abc#def\n"
		"ONLY_COMMENT= # nothing\n"
		"MULTI=\"one\n"
		"two\"\n"
		"AFTER=1\n"
		"not a line\n"
		"PLACEHOLDER=${BASE_MODEL:-llama3}\n";
	parsed p = parse(".env", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "OPENAI_MODEL", "gpt-4o-mini", 2, true);
	expect(&p, "ANTHROPIC_MODEL", "claude-3-5-sonnet-latest", 3, true);
	expect(&p, "DQ", "a \"b\"\nc", 5, true);
	expect(&p, "SQ", "lit\\n $X", 6, true);
	expect(&p, "EMPTY", "", 7, true);
	expect(&p, "HASH", "abc#def", 8, true);
	expect(&p, "ONLY_COMMENT", "", 9, true);
	expect(&p, "MULTI", "one\ntwo", 10, true);
	expect(&p, "AFTER", "1", 12, true);
	expect(&p, "PLACEHOLDER", "${BASE_MODEL:-llama3}", 14, true);
	ck_assert_uint_eq(p.v.count, 10);
	release(&p);
	assert_crlf_same(".env", text);
}
END_TEST

START_TEST(properties)
{
	static const char text[] =
		"# Spring AI\n"
		"! another comment\n"
		"spring.ai.openai.chat.options.model=gpt-4o\n"
		"app.ai.model: ${OPENAI_MODEL:gpt-4o-mini}\n"
		"app.spaced   value with spaces\n"
		"app.cont = first \\\n"
		"           second\\\n"
		"third\n"
		"app.late=\\\n"
		"  on-next-line\n"
		"app.unicode=caf\\u00e9 \\ud83d\\ude00\n"
		"key\\ with\\ space=v\n"
		"app.empty=\n"
		"   indented.key = 1\n"
		"# a comment ending in a backslash does not continue \\\n"
		"after.comment=yes\n";
	parsed p = parse("application.properties", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "spring.ai.openai.chat.options.model", "gpt-4o", 3, false);
	expect(&p, "app.ai.model", "${OPENAI_MODEL:gpt-4o-mini}", 4, false);
	expect(&p, "app.spaced", "value with spaces", 5, false);
	expect(&p, "app.cont", "first secondthird", 6, false);
	expect(&p, "app.late", "on-next-line", 10, false);
	expect(&p, "app.unicode", "caf\xc3\xa9 \xf0\x9f\x98\x80", 11, false);
	expect(&p, "key with space", "v", 12, false);
	expect(&p, "app.empty", "", 13, false);
	expect(&p, "indented.key", "1", 14, false);
	expect(&p, "after.comment", "yes", 16, false);
	ck_assert_uint_eq(p.v.count, 10);
	release(&p);
	assert_crlf_same("application.properties", text);
}
END_TEST

START_TEST(yaml_spring_profiles)
{
	static const char text[] =
		"# default profile\n"
		"spring:\n"
		"  ai:\n"
		"    openai:\n"
		"      api-key: ${OPENAI_API_KEY}\n"
		"      chat:\n"
		"        options:\n"
		"          model: gpt-4o   # the model\n"
		"          temperature: 0.7\n"
		"app:\n"
		"  ai.model: \"${APP_MODEL:gpt-4o-mini}\"\n"
		"  nothing:\n"
		"  tagged: !!str 123\n"
		"---\n"
		"spring:\n"
		"  config:\n"
		"    activate:\n"
		"      on-profile: prod\n"
		"  ai.openai.chat.options.model: gpt-4o-prod\n";
	parsed p = parse("application.yml", text);
	const aibom_config_entry *second = NULL;
	size_t i;

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "spring.ai.openai.api-key", "${OPENAI_API_KEY}", 5, false);
	expect(&p, "spring.ai.openai.chat.options.model", "gpt-4o", 8, false);
	expect(&p, "spring.ai.openai.chat.options.temperature", "0.7", 9, false);
	expect(&p, "app.ai.model", "${APP_MODEL:gpt-4o-mini}", 11, false);
	expect(&p, "app.tagged", "123", 13, false);
	ck_assert_ptr_null(entry(&p, "app.nothing"));
	/* keys restart after "---": the second document's model is a second entry */
	ck_assert_uint_eq(count_key(&p, "spring.ai.openai.chat.options.model"), 2);
	for (i = 0; i < p.v.count; i++)
		if (aibom_vec__at(&p.v, aibom_config_entry, i)->line == 19)
			second = aibom_vec__at(&p.v, aibom_config_entry, i);
	ck_assert_ptr_nonnull(second);
	ck_assert_str_eq(second->key, "spring.ai.openai.chat.options.model");
	ck_assert_str_eq(second->value, "gpt-4o-prod");
	expect(&p, "spring.config.activate.on-profile", "prod", 18, false);
	ck_assert_uint_eq(p.v.count, 7);
	release(&p);
	assert_crlf_same("application.yml", text);
}
END_TEST

START_TEST(yaml_scalars_and_collections)
{
	static const char text[] =
		"models:\n"
		"  - gpt-4o\n"
		"  - 'claude-3-haiku'\n"
		"  - name: llama3\n"
		"    size: 8b\n"
		"  -\n"
		"    name: mistral\n"
		"  - - nested\n"
		"    - seq\n"
		"flow: [a, \"b c\", {x: 1, y: [2, 3]}]\n"
		"fmap: {k: v, 'q': \"w\"}\n"
		"multiline_flow: [\n"
		"  one,\n"
		"  two\n"
		"]\n"
		"literal: |\n"
		"  line one\n"
		"\n"
		"  line two\n"
		"folded: >-\n"
		"  folded one\n"
		"  folded two\n"
		"kept: |+\n"
		"  x\n"
		"\n"
		"plain: this is\n"
		"  continued here\n"
		"dq: \"tab\\t \\u00e9 \\x41 first\n"
		"  second\"\n"
		"sq: 'it''s'\n"
		"\"quoted key\": 1\n"
		"anchor: &m gpt-4o-mini\n"
		"alias: *m\n"
		"base: &base\n"
		"  provider: openai\n"
		"  model: gpt-4o\n"
		"derived:\n"
		"  <<: *base\n"
		"  model: gpt-4.1\n"
		"compact:\n"
		"- c1\n"
		"- c2\n"
		"end: true\n";
	parsed p = parse("config.yaml", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "models[0]", "gpt-4o", 2, false);
	expect(&p, "models[1]", "claude-3-haiku", 3, false);
	expect(&p, "models[2].name", "llama3", 4, false);
	expect(&p, "models[2].size", "8b", 5, false);
	expect(&p, "models[3].name", "mistral", 7, false);
	expect(&p, "models[4][0]", "nested", 8, false);
	expect(&p, "models[4][1]", "seq", 9, false);
	expect(&p, "flow[0]", "a", 10, false);
	expect(&p, "flow[1]", "b c", 10, false);
	expect(&p, "flow[2].x", "1", 10, false);
	expect(&p, "flow[2].y[1]", "3", 10, false);
	expect(&p, "fmap.k", "v", 11, false);
	expect(&p, "fmap.q", "w", 11, false);
	expect(&p, "multiline_flow[0]", "one", 13, false);
	expect(&p, "multiline_flow[1]", "two", 14, false);
	expect(&p, "literal", "line one\n\nline two\n", 17, false);
	expect(&p, "folded", "folded one folded two", 21, false);
	expect(&p, "kept", "x\n\n", 24, false);
	expect(&p, "plain", "this is continued here", 26, false);
	expect(&p, "dq", "tab\t \xc3\xa9 A first second", 28, false);
	expect(&p, "sq", "it's", 30, false);
	expect(&p, "quoted key", "1", 31, false);
	expect(&p, "anchor", "gpt-4o-mini", 32, false);
	expect(&p, "alias", "gpt-4o-mini", 32, false); /* an alias reports the anchored value's line */
	expect(&p, "derived.provider", "openai", 35, false);
	expect(&p, "derived.model", "gpt-4.1", 39, false); /* explicit keys win over merged ones */
	ck_assert_uint_eq(count_key(&p, "derived.model"), 1);
	expect(&p, "compact[0]", "c1", 41, false);
	expect(&p, "compact[1]", "c2", 42, false);
	expect(&p, "end", "true", 43, false);
	release(&p);
	assert_crlf_same("config.yaml", text);
}
END_TEST

START_TEST(yaml_docker_compose_environment)
{
	static const char text[] =
		"x-common: &common\n"
		"  LOG_LEVEL: info\n"
		"services:\n"
		"  api:\n"
		"    image: app:1\n"
		"    environment:\n"
		"      - OPENAI_MODEL=gpt-4o\n"
		"      - \"QUOTED=x y\"\n"
		"      - PASSTHROUGH\n"
		"    ports:\n"
		"      - \"8080:8080\"\n"
		"  worker:\n"
		"    environment:\n"
		"      <<: *common\n"
		"      MODEL_NAME: claude-3-haiku\n"
		"      FALLBACK: ${WORKER_MODEL:-llama3}\n"
		"      UNSET:\n"
		"  flow:\n"
		"    environment: [A=1, B=two]\n";
	parsed p = parse("docker-compose.yml", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "OPENAI_MODEL", "gpt-4o", 7, true);
	expect(&p, "QUOTED", "x y", 8, true);
	expect(&p, "MODEL_NAME", "claude-3-haiku", 15, true);
	expect(&p, "FALLBACK", "${WORKER_MODEL:-llama3}", 16, true);
	expect(&p, "A", "1", 19, true);
	expect(&p, "B", "two", 19, true);
	ck_assert_ptr_null(entry(&p, "PASSTHROUGH"));
	ck_assert_ptr_null(entry(&p, "UNSET"));
	/* merged from the anchor: the env entry keeps the anchored value's line */
	ck_assert_uint_eq(count_key(&p, "LOG_LEVEL"), 1);
	expect(&p, "LOG_LEVEL", "info", 2, true);
	expect(&p, "x-common.LOG_LEVEL", "info", 2, false);
	expect(&p, "services.api.image", "app:1", 5, false);
	expect(&p, "services.api.ports[0]", "8080:8080", 11, false);
	/* nothing but the variables for an environment section */
	ck_assert_ptr_null(entry(&p, "services.api.environment[0]"));
	ck_assert_ptr_null(entry(&p, "services.worker.environment.MODEL_NAME"));
	ck_assert_uint_eq(p.v.count, 10);
	release(&p);
	assert_crlf_same("docker-compose.yml", text);
}
END_TEST

START_TEST(yaml_kubernetes_and_helm_env)
{
	static const char values[] =
		"image:\n"
		"  repository: ghcr.io/acme/api\n"
		"env:\n"
		"  - name: OPENAI_MODEL\n"
		"    value: \"gpt-4o\"\n"
		"  - name: FROM_SECRET\n"
		"    valueFrom:\n"
		"      secretKeyRef: {name: s, key: k}\n"
		"  - {name: FLOW_ENV, value: fv}\n"
		"extraEnv:\n"
		"  HF_MODEL_ID: meta-llama/Llama-3.1-8B-Instruct\n"
		"  nested:\n"
		"    a: 1\n";
	static const char deployment[] =
		"apiVersion: apps/v1\n"
		"kind: Deployment\n"
		"spec:\n"
		"  template:\n"
		"    spec:\n"
		"      containers:\n"
		"      - name: api\n"
		"        env:\n"
		"        - name: MODEL\n"
		"          value: mistralai/Mistral-7B-Instruct-v0.3\n"
		"        - name: PORT\n"
		"          value: \"8080\"\n"
		"        args: [\"--model\", \"$(MODEL)\"]\n"
		"management:\n"
		"  endpoint:\n"
		"    env:\n"
		"      enabled: true\n";
	parsed p = parse("values.yaml", values);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "image.repository", "ghcr.io/acme/api", 2, false);
	expect(&p, "OPENAI_MODEL", "gpt-4o", 5, true);
	expect(&p, "FLOW_ENV", "fv", 9, true);
	expect(&p, "HF_MODEL_ID", "meta-llama/Llama-3.1-8B-Instruct", 11, true);
	expect(&p, "extraEnv.nested.a", "1", 13, false);
	ck_assert_ptr_null(entry(&p, "FROM_SECRET"));
	ck_assert_ptr_null(entry(&p, "env[0].name"));
	ck_assert_uint_eq(p.v.count, 5);
	release(&p);

	/* any YAML name is read as YAML by parse(), even one is_config() does not claim */
	p = parse("k8s/deployment.yaml", deployment);
	ck_assert_int_eq(p.rc, 0);
	expect(&p, "MODEL", "mistralai/Mistral-7B-Instruct-v0.3", 10, true);
	expect(&p, "PORT", "8080", 12, true);
	expect(&p, "spec.template.spec.containers[0].name", "api", 7, false);
	expect(&p, "spec.template.spec.containers[0].args[1]", "$(MODEL)", 13, false);
	/* a lower-case key under env: is configuration, not a variable */
	expect(&p, "management.endpoint.env.enabled", "true", 17, false);
	release(&p);
	assert_crlf_same("values.yaml", values);
	assert_crlf_same("deployment.yaml", deployment);
}
END_TEST

START_TEST(json_appsettings)
{
	static const char text[] =
		"\xef\xbb\xbf{\n"
		"  // .NET tolerates comments\n"
		"  \"OpenAI\": {\n"
		"    \"Model\": \"gpt-4o\",\n"
		"    \"MaxTokens\": 1.50e2,\n"
		"    \"Enabled\": true,\n"
		"    \"Nothing\": null,\n"
		"    /* block\n"
		"       comment */\n"
		"    \"Models\": [\"a\", {\"id\": \"b\"}, [1, 2],],\n"
		"  },\n"
		"  \"Azure\": {\"Deployment\": \"my-gpt\", \"Url\": \"https://x.invalid//path\"},\n"
		"  \"Esc\\\"aped\": \"caf\\u00e9\"\n"
		"}\n";
	parsed p = parse("appsettings.Development.json", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "OpenAI.Model", "gpt-4o", 4, false);
	expect(&p, "OpenAI.MaxTokens", "1.50e2", 5, false); /* numbers as written */
	expect(&p, "OpenAI.Enabled", "true", 6, false);
	ck_assert_ptr_null(entry(&p, "OpenAI.Nothing"));
	expect(&p, "OpenAI.Models[0]", "a", 10, false);
	expect(&p, "OpenAI.Models[1].id", "b", 10, false);
	expect(&p, "OpenAI.Models[2][1]", "2", 10, false);
	expect(&p, "Azure.Deployment", "my-gpt", 12, false);
	expect(&p, "Azure.Url", "https://x.invalid//path", 12, false);
	expect(&p, "Esc\"aped", "caf\xc3\xa9", 13, false);
	ck_assert_uint_eq(p.v.count, 10);
	release(&p);
	assert_crlf_same("appsettings.json", text);

	/* not JSON: nothing, and no failure */
	p = parse("config.json", "{\"a\": \"b\",, oops");
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_eq(p.v.count, 0);
	release(&p);
}
END_TEST

START_TEST(json_deep_nesting_keeps_lines)
{
	aibom_str s = AIBOM_STR_INIT;
	parsed p;
	int i;

	aibom_str__puts(&s, "{\"deep\":\n");
	for (i = 0; i < 200; i++)
		aibom_str__puts(&s, "[");
	aibom_str__puts(&s, "1");
	for (i = 0; i < 200; i++)
		aibom_str__puts(&s, "]");
	aibom_str__puts(&s, ",\n\"after\": {\"model\":\n \"gpt-4o\"}}\n");
	ck_assert(!s.failed);
	p = parse_n("config.json", s.ptr, s.size);
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_eq(p.v.count, 1); /* the deep array is skipped, the rest is read */
	expect(&p, "after.model", "gpt-4o", 4, false);
	release(&p);
	aibom_str__free(&s);
}
END_TEST

START_TEST(dockerfile_env)
{
	static const char text[] =
		"# syntax=docker/dockerfile:1\n"
		"FROM python:3.12-slim AS base\n"
		"ENV OPENAI_MODEL=gpt-4o-mini \\\n"
		"    # a comment inside the instruction\n"
		"    OTHER=\"two words\" THIRD=a\\ b\n"
		"ENV LEGACY some value here\n"
		"env lower=1\n"
		"RUN echo ENV NOT=this\n"
		"ENV A=1 noeq B=${MODEL:-llama3}\n"
		"ENVIRONMENT=no\n";
	static const char backtick[] =
		"# escape=`\n"
		"FROM mcr.microsoft.com/windows/servercore\n"
		"ENV MODEL_DIR=C:\\models `\n"
		"    MODEL=phi-3\n";
	parsed p = parse("Dockerfile", text);

	ck_assert_int_eq(p.rc, 0);
	expect(&p, "OPENAI_MODEL", "gpt-4o-mini", 3, true);
	expect(&p, "OTHER", "two words", 5, true);
	expect(&p, "THIRD", "a b", 5, true);
	expect(&p, "LEGACY", "some value here", 6, true);
	expect(&p, "lower", "1", 7, true);
	expect(&p, "A", "1", 9, true);
	expect(&p, "B", "${MODEL:-llama3}", 9, true);
	ck_assert_ptr_null(entry(&p, "NOT"));
	ck_assert_uint_eq(p.v.count, 7);
	release(&p);
	assert_crlf_same("Dockerfile", text);

	p = parse("windows.Dockerfile", backtick);
	ck_assert_int_eq(p.rc, 0);
	expect(&p, "MODEL_DIR", "C:\\models", 3, true);
	expect(&p, "MODEL", "phi-3", 4, true);
	release(&p);
}
END_TEST

static void expect_placeholder(const char *value, int rc, const char *name, const char *fallback)
{
	char *n = (char *)"x", *f = (char *)"x";
	int got = aibom_config__placeholder(value, &n, &f);

	ck_assert_msg(got == rc, "%s: %d", value, got);
	if (rc != 1) {
		ck_assert_ptr_null(n);
		ck_assert_ptr_null(f);
		return;
	}
	ck_assert_str_eq(n, name);
	if (fallback == NULL)
		ck_assert_ptr_null(f);
	else
		ck_assert_str_eq(f, fallback);
	free(n);
	free(f);
}

START_TEST(placeholders)
{
	expect_placeholder("${OPENAI_MODEL}", 1, "OPENAI_MODEL", NULL);
	expect_placeholder("${OPENAI_MODEL:gpt-4o-mini}", 1, "OPENAI_MODEL", "gpt-4o-mini");
	expect_placeholder("  ${app.ai.model:gpt-4o} ", 1, "app.ai.model", "gpt-4o");
	expect_placeholder("${OPENAI_MODEL:-gpt-4o}", 1, "OPENAI_MODEL", "gpt-4o");
	expect_placeholder("${OPENAI_MODEL:=gpt-4o}", 1, "OPENAI_MODEL", "gpt-4o");
	expect_placeholder("${OPENAI_MODEL:}", 1, "OPENAI_MODEL", "");
	expect_placeholder("${OPENAI_MODEL:?must be set}", 1, "OPENAI_MODEL", NULL);
	expect_placeholder("${A:${B:claude-3}}", 1, "A", "${B:claude-3}");
	expect_placeholder("${spring-ai.model-name}", 1, "spring-ai.model-name", NULL);
	expect_placeholder("$HF_MODEL", 1, "HF_MODEL", NULL);
	expect_placeholder("gpt-4o", 0, NULL, NULL);
	expect_placeholder("models/${MODEL}", 0, NULL, NULL);
	expect_placeholder("${A}${B}", 0, NULL, NULL);
	expect_placeholder("${}", 0, NULL, NULL);
	expect_placeholder("${UNCLOSED", 0, NULL, NULL);
	expect_placeholder("$", 0, NULL, NULL);
	expect_placeholder("$1abc", 0, NULL, NULL);
	expect_placeholder("", 0, NULL, NULL);
}
END_TEST

/* Text that is not what its name says, cut short, or hostile: no crash, whatever can be read is
 * kept, and the work stays bounded. */
START_TEST(malformed_input)
{
	static const char *const names[] = {
		".env", "application.properties", "application.yml", "appsettings.json", "Dockerfile",
	};
	static const char *const texts[] = {
		"a: \"unterminated\nb: 2\n",
		"a: [1, 2\nb: 3\n",
		"a: {x: 'open\nb: 4\n",
		"a:\n\tb: 1\n\t\tc: 2\n",
		"K=\"open\nL='x\n",
		"x\\",
		"\\u12",
		"ENV A=\"open\nENV B=1\n",
		"{\"a\": [1, {\"b\": ",
		"- - - - -\n  - : :\n? x\n: y\n",
		"key: |\n",
		"&a *a: [*a, &b {*b: *b}]\n",
		"\x00\x01\xff\xfe: \x80\n\x00=\x00\n",
		"a: \"\\",
		"a: '",
		"--- |\n  text\n...\n%YAML 1.2\n---\n- x\n",
	};
	size_t i, k;
	parsed p;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
			size_t n = i == 12 ? 12 : strlen(texts[i]), cut;
			for (cut = 0; cut <= n; cut++) { /* every prefix, in an exact-size buffer */
				char *copy = malloc(cut ? cut : 1);
				ck_assert_ptr_nonnull(copy);
				memcpy(copy, texts[i], cut);
				p = parse_n(names[k], copy, cut);
				ck_assert_int_eq(p.rc, 0);
				release(&p);
				free(copy);
			}
		}
	}

	/* partial output: what follows the damage is still read */
	p = parse("application.yml", texts[0]);
	expect(&p, "a", "unterminated", 1, false);
	expect(&p, "b", "2", 2, false);
	release(&p);
	p = parse("application.yml", texts[1]);
	expect(&p, "a[0]", "1", 1, false);
	expect(&p, "b", "3", 2, false);
	release(&p);
	p = parse(".env", texts[4]);
	expect(&p, "K", "open", 1, true);
	expect(&p, "L", "x", 2, true);
	release(&p);

	/* an unknown name yields nothing */
	p = parse("notes.txt", "A=1\n");
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_eq(p.v.count, 0);
	release(&p);
}
END_TEST

START_TEST(yaml_hostile_nesting_and_aliases)
{
	aibom_str s = AIBOM_STR_INIT;
	parsed p;
	int i, j;

	/* 100,000 nested flow brackets, then a key that must still be read */
	aibom_str__puts(&s, "a: ");
	for (i = 0; i < 100000; i++)
		aibom_str__putc(&s, '[');
	for (i = 0; i < 100000; i++)
		aibom_str__putc(&s, ']');
	aibom_str__puts(&s, "\nb: 1\n");
	/* 2,000 levels of block indentation */
	for (i = 0; i < 2000; i++)
		aibom_str__printf(&s, "%*sk:\n", i, "");
	aibom_str__puts(&s, "c: 2\n");
	ck_assert(!s.failed);
	p = parse_n("values.yaml", s.ptr, s.size);
	ck_assert_int_eq(p.rc, 0);
	expect(&p, "b", "1", 2, false);
	expect(&p, "c", "2", 2003, false);
	release(&p);

	/* a billion laughs: ten levels of ten aliases each stay within the visit budget */
	aibom_str__clear(&s);
	aibom_str__puts(&s, "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (i = 1; i < 10; i++) {
		aibom_str__printf(&s, "l%d: &l%d [", i, i);
		for (j = 0; j < 10; j++)
			aibom_str__printf(&s, "%s*l%d", j ? ", " : "", i - 1);
		aibom_str__puts(&s, "]\n");
	}
	ck_assert(!s.failed);
	p = parse_n("config.yml", s.ptr, s.size);
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_lt(p.v.count, 20000);
	release(&p);

	/* an alias to its own ancestor is not followed */
	p = parse("config.yml", "a: &x\n  b: *x\n  c: [*x]\n  d: 1\n");
	ck_assert_int_eq(p.rc, 0);
	ck_assert_uint_eq(p.v.count, 1);
	expect(&p, "a.d", "1", 4, false);
	release(&p);
	aibom_str__free(&s);
}
END_TEST

Suite *config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");
	tcase_add_test(tc, config_file_names);
	tcase_add_test(tc, dotenv);
	tcase_add_test(tc, properties);
	tcase_add_test(tc, yaml_spring_profiles);
	tcase_add_test(tc, yaml_scalars_and_collections);
	tcase_add_test(tc, yaml_docker_compose_environment);
	tcase_add_test(tc, yaml_kubernetes_and_helm_env);
	tcase_add_test(tc, json_appsettings);
	tcase_add_test(tc, json_deep_nesting_keeps_lines);
	tcase_add_test(tc, dockerfile_env);
	tcase_add_test(tc, placeholders);
	tcase_add_test(tc, malformed_input);
	tcase_add_test(tc, yaml_hostile_nesting_and_aliases);
	suite_add_tcase(s, tc);
	return s;
}
