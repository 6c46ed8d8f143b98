/*
 * test-util.c - strings, globs, UTF-8 validation, the hash map and the thread-local error.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "util/util.h"

START_TEST(glob_matches_dotted_names)
{
	ck_assert(aibom__glob("transformers.*.from_pretrained", "transformers.AutoModel.from_pretrained"));
	ck_assert(aibom__glob("openai.*OpenAI().chat.completions.create", "openai.AzureOpenAI().chat.completions.create"));
	ck_assert(aibom__glob("openai.*OpenAI().chat.completions.create", "openai.OpenAI().chat.completions.create"));
	ck_assert(!aibom__glob("openai.*OpenAI().chat.completions.create", "openai.OpenAI().chat.completions.create.x"));
	ck_assert(!aibom__glob("torch.load", "torch.loads"));
	ck_assert(aibom__glob("*", ""));
	ck_assert(!aibom__glob("a*b*c", "aXbXd"));
	ck_assert(aibom__glob("a*b*c", "aXbXbXc"));
	/* "()" matches any call segment */
	ck_assert(aibom__glob("mcp.server.fastmcp.FastMCP().tool(*", "mcp.server.fastmcp.FastMCP('docs').tool()"));
	ck_assert(aibom__glob("cohere.Client().chat", "cohere.Client('k(e)y').chat"));
	ck_assert(!aibom__glob("cohere.Client().chat", "cohere.Client('key').embed"));
	ck_assert(aibom__glob("boto3.*client('bedrock-runtime').converse", "boto3.Session().client('bedrock-runtime').converse"));
}
END_TEST

START_TEST(utf8_validation)
{
	ck_assert(aibom__utf8_valid("plain", 5));
	ck_assert(aibom__utf8_valid("caf\xc3\xa9", 5));
	ck_assert(!aibom__utf8_valid("caf\xc3", 4));          /* truncated sequence */
	ck_assert(!aibom__utf8_valid("\xc0\xaf", 2));         /* overlong */
	ck_assert(!aibom__utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	ck_assert(!aibom__utf8_valid("\xff", 1));
}
END_TEST

START_TEST(str_and_buf)
{
	aibom_str s = AIBOM_STR_INIT;
	aibom_buf b = {0};
	int i;

	for (i = 0; i < 1000; i++)
		aibom_str__printf(&s, "%d,", i);
	ck_assert_int_eq(aibom_str__detach(&b, &s), 0);
	ck_assert(aibom__has_prefix(b.ptr, "0,1,2,"));
	ck_assert(aibom__has_suffix(b.ptr, "998,999,"));
	ck_assert_uint_eq(b.size, strlen(b.ptr));
	aibom_buf_dispose(&b);
	ck_assert_ptr_null(b.ptr);
	aibom_buf_dispose(NULL);
}
END_TEST

START_TEST(map_set_get_grow)
{
	aibom_map *m = aibom_map__new();
	char key[32];
	static int values[2000];
	int i;

	ck_assert_ptr_nonnull(m);
	for (i = 0; i < 2000; i++) {
		snprintf(key, sizeof(key), "module.%d", i);
		ck_assert_int_eq(aibom_map__set(m, key, &values[i]), 0);
	}
	for (i = 0; i < 2000; i++) {
		snprintf(key, sizeof(key), "module.%d", i);
		ck_assert_ptr_eq(aibom_map__get(m, key), &values[i]);
	}
	ck_assert_ptr_null(aibom_map__get(m, "module.2000"));
	ck_assert_int_eq(aibom_map__set(m, "module.5", &values[0]), 0);
	ck_assert_ptr_eq(aibom_map__get(m, "module.5"), &values[0]);
	aibom_map__free(m);
}
END_TEST

static void *error_thread(void *arg)
{
	(void)arg;
	aibom_error__set(AIBOM_ERROR_GIT, "other thread");
	return NULL;
}

START_TEST(errors_are_thread_local)
{
	pthread_t t;

	aibom_error_clear();
	ck_assert_str_eq(aibom_error_last()->message, "no error");
	aibom_error__set(AIBOM_ERROR_INPUT, "mine %d", 7);
	ck_assert_int_eq(pthread_create(&t, NULL, error_thread, NULL), 0);
	pthread_join(t, NULL);
	ck_assert_str_eq(aibom_error_last()->message, "mine 7");
	ck_assert_int_eq(aibom_error_last()->klass, AIBOM_ERROR_INPUT);
	aibom_error__prefix("ctx");
	ck_assert_str_eq(aibom_error_last()->message, "ctx: mine 7");
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("util");
	tcase_add_test(tc, glob_matches_dotted_names);
	tcase_add_test(tc, utf8_validation);
	tcase_add_test(tc, str_and_buf);
	tcase_add_test(tc, map_set_get_grow);
	tcase_add_test(tc, errors_are_thread_local);
	suite_add_tcase(s, tc);
	return s;
}
