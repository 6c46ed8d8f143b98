import { convertToModelMessages, streamText, type UIMessage } from "ai";
import { anthropic } from "@ai-sdk/anthropic";
import { chatModel, SYSTEM_PROMPT } from "@/lib/ai";

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages, provider }: { messages: UIMessage[]; provider?: string } = await req.json();

  if (provider === "anthropic") {
    const result = streamText({
      model: anthropic("claude-3-5-sonnet-20241022"),
      system: SYSTEM_PROMPT,
      messages: convertToModelMessages(messages),
      maxOutputTokens: 1024,
    });
    return result.toUIMessageStreamResponse();
  }

  const result = streamText({
    model: chatModel,
    system: SYSTEM_PROMPT,
    messages: convertToModelMessages(messages),
    temperature: 0.4,
  });

  return result.toUIMessageStreamResponse();
}
