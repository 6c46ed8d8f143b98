/*
 * test-git.c - scanning revisions of a real git repository built with libgit2 in a temporary
 * directory: each revision's tree is read from the object database (the work tree holds a third,
 * uncommitted state that must not leak in), the BOM names the commit and the remote, and a
 * missing revision is a clear error.
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static void commit_all(git_repository *repo, const char *msg, git_oid *out)
{
	git_index *idx;
	git_oid tree_id;
	git_tree *tree;
	git_signature *sig;
	git_object *parent = NULL;
	git_commit *pc = NULL;
	const git_commit *parents[1];
	int np = 0;

	ck_assert_int_eq(git_repository_index(&idx, repo), 0);
	ck_assert_int_eq(git_index_add_all(idx, NULL, 0, NULL, NULL), 0);
	ck_assert_int_eq(git_index_write(idx), 0);
	ck_assert_int_eq(git_index_write_tree(&tree_id, idx), 0);
	ck_assert_int_eq(git_tree_lookup(&tree, repo, &tree_id), 0);
	ck_assert_int_eq(git_signature_new(&sig, "Test", "test@example.invalid", 1700000000, 0), 0);
	if (git_revparse_single(&parent, repo, "HEAD") == 0) {
		ck_assert_int_eq(git_commit_lookup(&pc, repo, git_object_id(parent)), 0);
		parents[0] = pc;
		np = 1;
	}
	ck_assert_int_eq(git_commit_create(out, repo, "HEAD", sig, sig, NULL, msg, tree, (size_t)np, parents), 0);
	git_commit_free(pc);
	git_object_free(parent);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(idx);
}

static char *scan_rev(const char *dir, const char *rev, int *rc, char **bom)
{
	aibom_scan_options opts = AIBOM_SCAN_OPTIONS_INIT;
	aibom_scan *scan = NULL;
	aibom_buf out = {0};
	char *result;

	opts.rev = rev;
	*rc = aibom_scan_path(&scan, dir, &opts);
	if (*rc < 0)
		return NULL;
	ck_assert_int_eq(aibom_scan_query(&out, scan, "SELECT path, line, model FROM v_findings ORDER BY path, line"), 0);
	result = out.ptr;
	if (bom) {
		aibom_buf b = {0};
		ck_assert_int_eq(aibom_scan_export(&b, scan, AIBOM_FORMAT_CYCLONEDX, NULL), 0);
		*bom = b.ptr;
	}
	aibom_scan_free(scan);
	return result;
}

START_TEST(two_revisions_without_checkout)
{
	char *dir = tmpdir_new("git"), *r1, *r2, *wt, *bom = NULL, hex1[41], hex2[41];
	git_repository *repo;
	git_remote *remote;
	git_oid c1, c2;
	int rc;

	git_libgit2_init();
	ck_assert_int_eq(git_repository_init(&repo, dir, 0), 0);
	ck_assert_int_eq(git_remote_create(&remote, repo, "origin", "https://user:secret@example.invalid/acme/app.git"), 0);
	git_remote_free(remote);
	write_file(dir, "app/llm.py", "from openai import OpenAI\nOpenAI().chat.completions.create(model='gpt-4o')\n", (size_t)-1);
	commit_all(repo, "first", &c1);
	write_file(dir, "app/llm.py", "from openai import OpenAI\nOpenAI().chat.completions.create(model='gpt-4.1')\n", (size_t)-1);
	write_file(dir, "app/vision.py", "import torch\n\nnet = torch.load('net.pt')\n", (size_t)-1);
	commit_all(repo, "second", &c2);
	/* an uncommitted third state in the work tree */
	write_file(dir, "app/llm.py", "from openai import OpenAI\nOpenAI().chat.completions.create(model='o3')\n", (size_t)-1);
	git_oid_tostr(hex1, sizeof(hex1), &c1);
	git_oid_tostr(hex2, sizeof(hex2), &c2);

	r1 = scan_rev(dir, hex1, &rc, NULL);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(r1, "[{\"path\":\"app/llm.py\",\"line\":2,\"model\":\"gpt-4o\"}]");
	r2 = scan_rev(dir, "HEAD", &rc, &bom);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(r2, "[{\"path\":\"app/llm.py\",\"line\":2,\"model\":\"gpt-4.1\"},"
		"{\"path\":\"app/vision.py\",\"line\":3,\"model\":\"net.pt\"}]");
	ck_assert_ptr_nonnull(strstr(bom, hex2));
	ck_assert_ptr_nonnull(strstr(bom, "https://example.invalid/acme/app.git"));
	ck_assert_ptr_null(strstr(bom, "secret"));
	assert_valid_bom(bom, "git HEAD");
	free(bom);
	/* the folder itself: the uncommitted state, honouring .gitignore */
	write_file(dir, ".gitignore", "generated/\n", (size_t)-1);
	write_file(dir, "generated/llm.py", "from openai import OpenAI\nOpenAI().chat.completions.create(model='ignored')\n", (size_t)-1);
	wt = scan_rev(dir, NULL, &rc, NULL);
	ck_assert_int_eq(rc, 0);
	ck_assert_ptr_nonnull(strstr(wt, "\"o3\""));
	ck_assert_ptr_null(strstr(wt, "ignored"));

	ck_assert_ptr_null(scan_rev(dir, "no-such-branch", &rc, NULL));
	ck_assert_int_eq(rc, AIBOM_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(aibom_error_last()->message, "no-such-branch"));

	free(r1);
	free(r2);
	free(wt);
	git_repository_free(repo);
	git_libgit2_shutdown();
	rmtree(dir);
	free(dir);
}
END_TEST

Suite *git_suite(void)
{
	Suite *s = suite_create("git");
	TCase *tc = tcase_create("git");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, two_revisions_without_checkout);
	suite_add_tcase(s, tc);
	return s;
}
