import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { generateText } from "ai";
import { draftReply } from "@lib/gemini";
import { reviewDraft } from "@lib/claude";
import { myProvider } from "@lib/providers";

const app = new Hono();

app.get("/healthz", (c) => c.json({ ok: true }));

app.post("/replies/draft", async (c) => {
  const { feedback } = await c.req.json<{ feedback: string }>();
  const draft = await draftReply(feedback);
  const reviewed = await reviewDraft(feedback, draft);
  return c.json({ draft, reviewed });
});

app.post("/replies/rewrite", async (c) => {
  const { reply, tone } = await c.req.json<{ reply: string; tone?: string }>();
  const { text } = await generateText({
    model: myProvider.languageModel("smart"),
    prompt: `Rewrite this support reply in a ${tone ?? "warm but brief"} tone:\n\n${reply}`,
  });
  return c.json({ reply: text });
});

const port = Number(process.env.PORT ?? 8787);
serve({ fetch: app.fetch, port }, (info) => {
  console.log(`feedback-desk api on http://localhost:${info.port}`);
});
