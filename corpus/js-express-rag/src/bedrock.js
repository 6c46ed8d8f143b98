const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION || "us-east-1" });

// Second opinion on which passages matter, used when the vector scores are close.
async function rerank(question, passages) {
  const prompt =
    "Rank the passages by how well they answer the question. Reply with a JSON array of passage numbers.\n\n" +
    `Question: ${question}\n\n` +
    passages.map((p, i) => `${i + 1}. ${p.text}`).join("\n");

  const command = new InvokeModelCommand({
    modelId: MODEL_ID,
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 200,
      messages: [{ role: "user", content: prompt }],
    }),
  });

  const response = await bedrock.send(command);
  const payload = JSON.parse(new TextDecoder().decode(response.body));
  const order = JSON.parse(payload.content[0].text);
  return order.map((n) => passages[n - 1]).filter(Boolean);
}

module.exports = { rerank };
