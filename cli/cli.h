/*
 * cli.h - the aibom command's subcommands. Exit codes (documented in `aibom --help`):
 * 0 done, 1 an asked-for gate failed, 2 usage error, 3 input could not be read.
 */
#ifndef AIBOM_CLI_H
#define AIBOM_CLI_H

#include <stdio.h>

#include "aibom.h"

enum { EXIT_DONE = 0, EXIT_GATE = 1, EXIT_USAGE = 2, EXIT_INPUT = 3 };

int cli_scan(int argc, char **argv);
int cli_query(int argc, char **argv);
int cli_reach(int argc, char **argv);
int cli_inspect(int argc, char **argv);

/* Print "aibom: <context>: <last error>" on stderr; returns the exit code for error code RC. */
int cli_fail(const char *context, int rc);
/* Write BUF to PATH ("-" or NULL: stdout). Returns 0 or EXIT_INPUT with a message. */
int cli_write(const char *path, const aibom_buf *buf);

#endif
