const express = require("express");
const { PORT, TOP_K, DOCS_BASE_URL } = require("./config");
const { embedTexts, answer } = require("./llm");
const { rerank } = require("./bedrock");
const store = require("./store");

const app = express();
app.use(express.json({ limit: "1mb" }));

app.post("/ingest", async (req, res) => {
  const docs = req.body.documents || [];
  const vectors = await embedTexts(docs.map((d) => d.text));
  docs.forEach((d, i) => store.add(d.id, d.text, vectors[i]));
  res.json({ added: docs.length, total: store.size() });
});

app.post("/ask", async (req, res) => {
  const { question } = req.body;
  if (!question) {
    return res.status(400).json({ error: "question is required" });
  }
  const [qvec] = await embedTexts([question]);
  let passages = store.search(qvec, TOP_K);
  if (passages.length > 1 && passages[0].score - passages[1].score < 0.02) {
    passages = await rerank(question, passages);
  }
  const text = await answer(question, passages);
  res.json({
    answer: text,
    sources: passages.map((p) => `${DOCS_BASE_URL}${p.id}`),
  });
});

app.get("/healthz", (req, res) => res.json({ ok: true, chunks: store.size() }));

app.listen(PORT, () => {
  console.log(`express-rag listening on http://localhost:${PORT}`);
});
