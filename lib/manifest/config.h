/*
 * config.h - configuration files a service reads at run time (.env, Java .properties, Spring /
 * Helm / docker-compose / Kubernetes YAML, appsettings.json, Dockerfile ENV) -> flat key/value
 * entries, so that os.getenv("OPENAI_MODEL"), process.env.X, @Value("${app.ai.model}") or
 * spring.ai.openai.chat.options.model can be resolved to the model id a deployment sets.
 */
#ifndef AIBOM_CONFIG_H
#define AIBOM_CONFIG_H

#include "../util/util.h"

/* Containers nested deeper than this (YAML, JSON) are skipped; the rest of the file is read. */
#define AIBOM_CONFIG_MAX_DEPTH 64

typedef struct {
	char *key;      /* "OPENAI_MODEL" (env), "spring.ai.openai.chat.options.model", "a[0].name" */
	char *value;    /* the scalar, unquoted and unescaped; never NULL in an emitted entry */
	uint32_t line;  /* 1-based line of the value */
	bool env;       /* an environment variable definition: .env, docker-compose environment,
	                 * Kubernetes/Helm env, Dockerfile ENV */
} aibom_config_entry;

/* Whether FILE_NAME (a base name; anything up to the last '/' is ignored) is a configuration
 * file this reader understands. Case-insensitive: .env, .env.*, *.env; application*.yml|yaml|
 * properties and bootstrap*.yml|yaml|properties (Spring); values*.yaml|yml (Helm);
 * docker-compose*.yml|yaml and compose*.yml|yaml; config*.json|yaml|yml; settings*.json|yaml|yml;
 * appsettings*.json;
 * *.properties; Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile (ENV lines). */
bool aibom_config__is_config(const char *file_name);

/* Parse TEXT (LEN bytes, need not be NUL-terminated) as the format FILE_NAME implies (see
 * aibom_config__is_config(); another name ending in .yml/.yaml or .json - a Kubernetes
 * manifest, say - is read by its extension, anything else yields nothing) and append one
 * aibom_config_entry per scalar to OUT, in file order. A key or value holding a NUL byte is cut
 * there.
 *
 * - dotenv: KEY=value, export KEY=value; 'literal', "escaped" (\n \t \r \" \\ ...), both may span
 *   lines; " #" starts a comment after an unquoted value. env = true.
 * - .properties: key=value, key: value, key value; '\' continuations; #/! comments; \uXXXX
 *   (surrogate pairs too) decoded to UTF-8. Bytes are taken as UTF-8. env = false.
 * - YAML (a subset, no library): block mappings flattened with '.', sequences as key[i]
 *   (a[0].name, a[1][0]); plain, quoted and block scalars (| keeps line breaks, > folds them,
 *   chomping as YAML says: "k: |" gives "text\n", "k: |-" gives "text"); flow [..] and {..};
 *   anchors, aliases (an alias reports the anchored value's line) and << merge keys (explicit
 *   keys win); "---" starts a new document whose keys restart, so a key may repeat. Plain
 *   scalars are kept as written ("null", "~", "true" included); a key with no value at all is
 *   not emitted. A quoted scalar or flow collection still open at a line indented no more than
 *   its key ends there, and reading goes on from that line. Tabs count as one column.
 *   Under services.<svc>.environment (compose), in list (- KEY=value) or map (KEY: value)
 *   form, each variable becomes an entry KEY, env = true, and nothing else is emitted for it.
 *   A sequence under env / extraEnv / extraEnvVars (Kubernetes, Helm) turns {name: X, value: Y}
 *   items into X = Y, env = true (valueFrom items yield nothing) and "X=Y" scalar items
 *   likewise; a mapping under those keys turns its UPPER_SNAKE keys into env entries and
 *   flattens the others as usual.
 * - JSON (cJSON): objects flattened with '.' (.NET reads "OpenAI:Model" as "OpenAI.Model"),
 *   arrays as [i]; strings, numbers (as written), true/false; null is not emitted. // and block
 *   comments, trailing commas and a UTF-8 BOM are tolerated (appsettings.json). Lines are exact:
 *   a token pass over the text records where each value starts, in the order a walk of
 *   cJSON's tree meets them. Text cJSON rejects yields nothing.
 * - Dockerfile: ENV KEY=value KEY2="v 2" and legacy ENV KEY value; '\' continuations and the
 *   "# escape=" directive. env = true.
 * Placeholders such as ${OPENAI_MODEL:gpt-4o-mini} are kept verbatim; see
 * aibom_config__placeholder(). A UTF-8 BOM, CRLF line endings, tabs and binary bytes are read
 * without harm; what cannot be read is skipped. Work is linear in LEN: collections deeper than
 * AIBOM_CONFIG_MAX_DEPTH are skipped, YAML aliases expand within a budget of visits (a "billion
 * laughs" document yields a few thousand entries, not 10^9) and an alias into its own ancestors
 * is not followed. The caller bounds LEN; memory is a small multiple of it.
 *
 * Returns 0, or -1 (error set) only when memory runs out; entries appended before that stay in
 * OUT, complete. Caller owns the entries: free each with aibom_config_entry__free(), then OUT. */
int aibom_config__parse(aibom_vec *out, const char *file_name, const char *text, size_t len);

/* Free the strings of E (not E itself); NULL is accepted. */
void aibom_config_entry__free(aibom_config_entry *e);

/* Whether VALUE (surrounding white space ignored) is one whole placeholder, and its parts:
 *   ${NAME}            -> NAME, no default           $NAME (shell identifier) -> NAME, no default
 *   ${NAME:default}    -> Spring: "default" (may be "" for ${NAME:}, may itself be ${...})
 *   ${NAME:-default}   -> shell / compose: "default"; ${NAME:=default} likewise
 *   ${NAME:?message}, ${NAME:+alt} -> NAME, no default
 * NAME is what precedes the first ':' (trimmed); a default keeps nested ${...} verbatim (call
 * again to resolve it). ":-" is read the shell way, so Spring's ${X:-1} gives "1", not "-1".
 * Text around or between placeholders ("v-${X}", "${A}${B}") is not a placeholder.
 * Returns 1 with *NAME (and *FALLBACK, or NULL when there is no default) malloc'd - caller frees
 * both; 0 when VALUE is not a placeholder; -1 (error set) when memory runs out. *NAME and
 * *FALLBACK are NULL unless 1 is returned. */
int aibom_config__placeholder(const char *value, char **name, char **fallback);

#endif
