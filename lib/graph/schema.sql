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
  kind     TEXT NOT NULL,            -- python, notebook, javascript, typescript, tsx, go, java, requirements,
                                     -- pyproject, manifest, config, marker, artifact
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
  kind        TEXT NOT NULL,         -- module (the code run on import), function, class
  name        TEXT NOT NULL,
  qualname    TEXT NOT NULL,         -- "Class.method" within its module; "<module>"
  start_line  INTEGER NOT NULL,
  end_line    INTEGER NOT NULL,
  parent_id   INTEGER REFERENCES definitions(id)
);

CREATE TABLE imports (
  id       INTEGER PRIMARY KEY,
  file_id  INTEGER NOT NULL REFERENCES files(id),
  line     INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  target   TEXT NOT NULL
);

-- The call graph: every call site, and the other ways one definition makes another run.
CREATE TABLE edges (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id),
  line        INTEGER NOT NULL,
  from_id     INTEGER NOT NULL REFERENCES definitions(id),
  to_id       INTEGER REFERENCES definitions(id),   -- NULL unless exact or heuristic
  kind        TEXT NOT NULL,         -- call, callback, import, decorator, nested
  resolution  TEXT NOT NULL,         -- exact, heuristic, external, unresolved
  callee      TEXT                   -- calls: the callee as written
);

CREATE TABLE services (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  path    TEXT NOT NULL,             -- folder, '' for the repository root
  marker  TEXT                       -- the file that makes the folder a service
);

CREATE TABLE entry_points (
  id          INTEGER PRIMARY KEY,
  def_id      INTEGER NOT NULL REFERENCES definitions(id),
  service_id  INTEGER NOT NULL REFERENCES services(id),
  kind        TEXT NOT NULL,         -- route, task, command, handler, tool, grpc, main, app_script, ...
  framework   TEXT NOT NULL,
  detail      TEXT,                  -- a route path, a class name, ...
  line        INTEGER NOT NULL
);

-- For every (service, finding) pair a service's entry points reach: the shortest path.
CREATE TABLE reach (
  id          INTEGER PRIMARY KEY,
  service_id  INTEGER NOT NULL REFERENCES services(id),
  entry_id    INTEGER NOT NULL REFERENCES entry_points(id),
  finding_id  INTEGER NOT NULL REFERENCES findings(id),
  hops        INTEGER NOT NULL,
  heuristic   INTEGER NOT NULL,      -- 1 when the path uses a heuristic edge
  path        TEXT NOT NULL          -- JSON: [{module, function, file, line}, ...] entry first
);

CREATE TABLE findings (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id),
  line        INTEGER NOT NULL,
  col         INTEGER NOT NULL,
  kind        TEXT NOT NULL,         -- model_load, sdk_call, hub_ref, dataset, config_ref
  api         TEXT NOT NULL,
  provider    TEXT NOT NULL,
  model       TEXT,                  -- NULL when unresolved
  model_type  TEXT NOT NULL,         -- huggingface, hosted, local, any, url
  resolution  TEXT NOT NULL,         -- literal, constant, default, env_default, partial, ...
  flags       TEXT NOT NULL,         -- comma-separated risk flags
  function    TEXT,                  -- enclosing definition
  rule        TEXT NOT NULL,
  def_id      INTEGER REFERENCES definitions(id),   -- the enclosing definition (or module)
  artifact    TEXT                   -- the repository model file the model path names, if any
);

-- Model files found in the repository, identified by content and judged without being loaded.
CREATE TABLE artifacts (
  id        INTEGER PRIMARY KEY,
  file_id   INTEGER NOT NULL REFERENCES files(id),
  format    TEXT NOT NULL,           -- pickle, pytorch-zip, safetensors, gguf, onnx, keras, ...
  verdict   TEXT NOT NULL,           -- safe, unknown, dangerous, malformed
  reason    TEXT,                    -- why, for any verdict but safe
  sha256    TEXT,
  metadata  TEXT NOT NULL            -- JSON: what the inspector read (tensors, architecture, ...)
);

-- Every global a pickle (or a Keras config) imports, with its byte offset.
CREATE TABLE artifact_imports (
  id           INTEGER PRIMARY KEY,
  artifact_id  INTEGER NOT NULL REFERENCES artifacts(id),
  module       TEXT NOT NULL,
  name         TEXT NOT NULL,
  offset       INTEGER NOT NULL,
  dangerous    INTEGER NOT NULL,     -- 1 dangerous, 0 allowlisted, -1 on no list
  member       TEXT                  -- the archive member, or NULL
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
CREATE INDEX edges_from ON edges(from_id);
CREATE INDEX edges_to ON edges(to_id);
CREATE INDEX reach_finding ON reach(finding_id);
CREATE INDEX definitions_file ON definitions(file_id);

-- One row per finding.
CREATE VIEW v_findings AS
  SELECT f.id AS id, fi.path AS path, f.line AS line, f.col AS col, f.kind AS kind, f.api AS api,
         f.provider AS provider, f.model AS model, f.model_type AS model_type,
         f.resolution AS resolution, f.flags AS flags, f.function AS function, f.rule AS rule,
         f.artifact AS artifact
  FROM findings f JOIN files fi ON fi.id = f.file_id;

-- One row per model file, with its dangerous imports.
CREATE VIEW v_artifacts AS
  SELECT a.id AS id, fi.path AS path, fi.size AS size, a.format AS format, a.verdict AS verdict,
         a.reason AS reason, a.sha256 AS sha256, a.metadata AS metadata,
         (SELECT group_concat(i.module || '.' || i.name, ',') FROM artifact_imports i
          WHERE i.artifact_id = a.id AND i.dangerous = 1) AS dangerous_imports,
         (SELECT count(*) FROM findings f WHERE f.artifact = fi.path) AS load_sites
  FROM artifacts a JOIN files fi ON fi.id = a.file_id;

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

-- One row per (service, entry point, finding) that is reachable: the shortest path per pair.
CREATE VIEW service_models AS
  SELECT s.name AS service,
         coalesce(nullif(fi2.module, ''), fi2.path) || ':' || d.qualname AS entry_point,
         e.kind AS entry_kind, e.framework AS framework,
         coalesce(f.model, 'unresolved:' || f.api) AS model, f.provider AS provider, f.kind AS kind,
         f.api AS api, fi.path AS file, f.line AS line, r.hops AS hops, r.path AS path,
         r.heuristic AS heuristic, f.id AS finding_id
  FROM reach r
  JOIN services s ON s.id = r.service_id
  JOIN entry_points e ON e.id = r.entry_id
  JOIN definitions d ON d.id = e.def_id
  JOIN files fi2 ON fi2.id = d.file_id
  JOIN findings f ON f.id = r.finding_id
  JOIN files fi ON fi.id = f.file_id;

-- Findings no entry point reaches: dead code, tests, scripts nobody runs.
-- Configuration values (config_ref) are no code to reach: a service reads them.
CREATE VIEW unreached_findings AS
  SELECT * FROM v_findings WHERE id NOT IN (SELECT finding_id FROM reach) AND kind != 'config_ref';

-- Every entry point with its service.
CREATE VIEW v_entry_points AS
  SELECT e.id AS id, s.name AS service, coalesce(nullif(fi.module, ''), fi.path) || ':' || d.qualname AS entry_point,
         e.kind AS kind, e.framework AS framework, e.detail AS detail, fi.path AS path, e.line AS line
  FROM entry_points e JOIN services s ON s.id = e.service_id
  JOIN definitions d ON d.id = e.def_id JOIN files fi ON fi.id = d.file_id;
