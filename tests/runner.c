/*
 * runner.c - runs every Check suite (or the one named in argv[1]). CK_FORK=no under a debugger.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		Suite *(*make)(void);
	} suites[] = {
		{"util", util_suite}, {"python", python_suite}, {"rules", rules_suite},
		{"manifest", manifest_suite}, {"scan", scan_suite}, {"git", git_suite},
		{"corpus", corpus_suite}, {"artifact", artifact_suite}, {"langs", langs_suite},
		{"ecosystems", ecosystems_suite}, {"config", config_suite},
	};
	SRunner *sr = NULL;
	size_t i;
	int failed;

	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
		if (argc > 1 && strcmp(argv[1], suites[i].name) != 0)
			continue;
		if (sr == NULL)
			sr = srunner_create(suites[i].make());
		else
			srunner_add_suite(sr, suites[i].make());
	}
	if (sr == NULL)
		return 2;
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
