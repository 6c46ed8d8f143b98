import { openai } from "@ai-sdk/openai";
import { anthropic } from "@ai-sdk/anthropic";

// One place to swap models. We ran gpt-4-turbo here until the price drop.
export const chatModel = openai("gpt-4o");

// Summaries go to Claude: longer context, cheaper per token.
export const summaryModel = anthropic("claude-3-5-haiku-20241022");

export const embeddingModel = openai.textEmbeddingModel("text-embedding-3-small");

export const SYSTEM_PROMPT =
  "You are a concise assistant for the Acme docs site. Answer from the provided context when there is one.";
