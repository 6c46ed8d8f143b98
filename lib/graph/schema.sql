-- schema.sql - the aibom database: one file per scan, the single source of truth every later
-- step (export, queries, reachability) reads. Documented for users in docs/schema.md; the
-- views (v_*) are the stable interface, the tables may grow columns.

PRAGMA user_version = 1;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

CREATE TABLE files (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,     -- repo-relative, '/'-separated
  kind     TEXT NOT NULL,            -- python, notebook, requirements, pyproject
  size     INTEGER NOT NULL,
  blob_id  TEXT,                     -- git blob id (computed from the bytes for folder files)
  module   TEXT                      -- dotted module name for Python files
);

CREATE TABLE diagnostics (
  id        INTEGER PRIMARY KEY,
  path      TEXT NOT NULL,
  severity  TEXT NOT NULL,           -- error (file skipped) or warning (read in part)
  message   TEXT NOT NULL
);

CREATE TABLE definitions (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id),
  kind        TEXT NOT NULL,         -- function, class
  name        TEXT NOT NULL,
  qualname    TEXT NOT NULL,         -- "Class.method" within its module
  start_line  INTEGER NOT NULL,
  end_line    INTEGER NOT NULL
);

CREATE TABLE imports (
  id       INTEGER PRIMARY KEY,
  file_id  INTEGER NOT NULL REFERENCES files(id),
  line     INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  target   TEXT NOT NULL
);

CREATE TABLE calls (
  id        INTEGER PRIMARY KEY,
  file_id   INTEGER NOT NULL REFERENCES files(id),
  line      INTEGER NOT NULL,
  caller    TEXT,                    -- qualname of the enclosing definition, NULL at module level
  callee    TEXT NOT NULL            -- the callee as written
);

CREATE TABLE findings (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id),
  line        INTEGER NOT NULL,
  col         INTEGER NOT NULL,
  kind        TEXT NOT NULL,         -- model_load, sdk_call, hub_ref, dataset
  api         TEXT NOT NULL,
  provider    TEXT NOT NULL,
  model       TEXT,                  -- NULL when unresolved
  model_type  TEXT NOT NULL,         -- huggingface, hosted, local, any, url
  resolution  TEXT NOT NULL,         -- literal, constant, default, env_default, partial, ...
  flags       TEXT NOT NULL,         -- comma-separated risk flags
  function    TEXT,                  -- enclosing definition
  rule        TEXT NOT NULL
);

CREATE TABLE libraries (
  id        INTEGER PRIMARY KEY,
  file_id   INTEGER NOT NULL REFERENCES files(id),
  line      INTEGER NOT NULL,
  name      TEXT NOT NULL,
  version   TEXT,
  spec      TEXT NOT NULL,
  purl      TEXT NOT NULL
);

CREATE INDEX findings_file ON findings(file_id, line);
CREATE INDEX calls_file ON calls(file_id);
CREATE INDEX definitions_file ON definitions(file_id);

-- One row per finding.
CREATE VIEW v_findings AS
  SELECT f.id AS id, fi.path AS path, f.line AS line, f.col AS col, f.kind AS kind, f.api AS api,
         f.provider AS provider, f.model AS model, f.model_type AS model_type,
         f.resolution AS resolution, f.flags AS flags, f.function AS function, f.rule AS rule
  FROM findings f JOIN files fi ON fi.id = f.file_id;

-- One row per distinct model (an unresolved model is keyed by its API).
CREATE VIEW v_models AS
  SELECT CASE WHEN model IS NULL THEN 'unresolved:' || api ELSE model END AS model,
         model IS NOT NULL AS resolved, provider, model_type,
         group_concat(DISTINCT kind) AS kinds, count(*) AS uses,
         min(path || ':' || line) AS first_use
  FROM v_findings
  GROUP BY CASE WHEN model IS NULL THEN 'unresolved:' || api ELSE model END, provider, model_type;

-- One row per declared AI library.
CREATE VIEW v_libraries AS
  SELECT l.name AS name, l.version AS version, l.spec AS spec, l.purl AS purl, fi.path AS path, l.line AS line
  FROM libraries l JOIN files fi ON fi.id = l.file_id;
