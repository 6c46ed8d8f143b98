import { generateText } from "ai";

export async function POST(req: Request) {
  const { firstMessage } = (await req.json()) as { firstMessage: string };

  // Titles go through the AI Gateway; the model string names the provider.
  const { text } = await generateText({
    model: "xai/grok-3-mini",
    prompt: `Write a title of at most six words for a chat that starts with:\n${firstMessage}`,
  });

  return Response.json({ title: text.trim() });
}
