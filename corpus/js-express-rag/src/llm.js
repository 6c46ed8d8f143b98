const { client } = require("./clients");
const { CHAT_MODEL, EMBEDDING_MODEL } = require("./config");

async function embedTexts(texts) {
  const res = await client.embeddings.create({
    model: EMBEDDING_MODEL,
    input: texts,
  });
  return res.data.map((d) => d.embedding);
}

function buildPrompt(question, passages) {
  const context = passages.map((p, i) => `[${i + 1}] ${p.text}`).join("\n\n");
  return [
    { role: "system", content: "Answer using only the numbered passages. Cite them like [1]." },
    { role: "user", content: `Passages:\n${context}\n\nQuestion: ${question}` },
  ];
}

async function answer(question, passages) {
  const completion = await client.chat.completions.create({
    model: CHAT_MODEL,
    temperature: 0.2,
    messages: buildPrompt(question, passages),
  });
  return completion.choices[0].message.content;
}

module.exports = { embedTexts, answer };
