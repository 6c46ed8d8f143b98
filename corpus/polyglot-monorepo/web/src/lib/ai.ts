import { openai } from "@ai-sdk/openai";
import { convertToModelMessages, streamText, type UIMessage } from "ai";

const SYSTEM_PROMPT =
  "You are the Acme help assistant. Answer briefly and link to the docs when you can.";

export function streamChat(messages: UIMessage[]) {
  return streamText({
    model: openai("gpt-4o-mini"),
    system: SYSTEM_PROMPT,
    messages: convertToModelMessages(messages),
    temperature: 0.3,
  });
}
