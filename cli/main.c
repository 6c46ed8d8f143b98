/*
 * main.c - the aibom command: git-style subcommands over libaibom. Parses, calls, prints; all
 * the knowledge is in the library.
 */
#include <errno.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: aibom <command> [options]\n"
	"\n"
	"commands:\n"
	"  scan PATH        find the AI a repository uses and write a CycloneDX 1.6 ML-BOM\n"
	"  reach DB         which services reach which models, with the call path\n"
	"  query DB SQL     run read-only SQL on a database saved with `scan --db`\n"
	"  inspect FILE...  identify model files and judge whether loading them can run code\n"
	"  version          print the version\n"
	"\n"
	"Run `aibom <command> --help` for a command's options.\n"
	"\n"
	"exit codes: 0 done, 1 an asked-for gate failed, 2 usage error, 3 input could not be read\n";

int cli_fail(const char *context, int rc)
{
	const aibom_error *e = aibom_error_last();
	fprintf(stderr, "aibom: %s%s%s\n", context ? context : "", context ? ": " : "", e->message);
	if (rc == AIBOM_EINVALID && e->klass != AIBOM_ERROR_RULES)
		return EXIT_USAGE;
	return EXIT_INPUT;
}

int cli_write(const char *path, const aibom_buf *buf)
{
	FILE *fp = stdout;

	if (path && strcmp(path, "-") != 0 && (fp = fopen(path, "wb")) == NULL) {
		fprintf(stderr, "aibom: %s: cannot write: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	if (fwrite(buf->ptr, 1, buf->size, fp) != buf->size || fflush(fp) != 0) {
		fprintf(stderr, "aibom: %s: write failed: %s\n", path ? path : "stdout", strerror(errno));
		if (fp != stdout)
			fclose(fp);
		return EXIT_INPUT;
	}
	if (fp != stdout && fclose(fp) != 0) {
		fprintf(stderr, "aibom: %s: write failed: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	return EXIT_DONE;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
		printf("aibom %s\n", aibom_version());
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "scan"))
		return cli_scan(argc - 1, argv + 1);
	if (!strcmp(argv[1], "reach"))
		return cli_reach(argc - 1, argv + 1);
	if (!strcmp(argv[1], "inspect"))
		return cli_inspect(argc - 1, argv + 1);
	if (!strcmp(argv[1], "query"))
		return cli_query(argc - 1, argv + 1);
	fprintf(stderr, "aibom: unknown command '%s'\n\n%s", argv[1], usage);
	return EXIT_USAGE;
}
