// In-memory vector store: good enough for a few thousand chunks.

const items = [];

function cosine(a, b) {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / (Math.sqrt(na) * Math.sqrt(nb) || 1);
}

function add(id, text, vector) {
  items.push({ id, text, vector });
}

function search(vector, k) {
  return items
    .map((item) => ({ ...item, score: cosine(vector, item.vector) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, k);
}

function size() {
  return items.length;
}

module.exports = { add, search, size };
