#!/usr/bin/env node
// Posts every .md file under ./kb to a running server's /ingest endpoint.
const fs = require("fs");
const path = require("path");

const root = path.resolve(process.argv[2] || "kb");
const endpoint = process.env.RAG_URL || "http://localhost:3000/ingest";

const documents = fs
  .readdirSync(root)
  .filter((f) => f.endsWith(".md"))
  .map((f) => ({ id: path.basename(f, ".md"), text: fs.readFileSync(path.join(root, f), "utf8") }));

fetch(endpoint, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ documents }),
})
  .then((r) => r.json())
  .then((r) => console.log(`ingested ${r.added}, total ${r.total}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
