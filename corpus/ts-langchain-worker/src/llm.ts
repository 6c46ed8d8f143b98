import { ChatOpenAI } from "@langchain/openai";
import { ChatAnthropic } from "@langchain/anthropic";
import { OllamaEmbeddings } from "@langchain/ollama";

// Cheap model for routing and tagging.
export const fastModel = new ChatOpenAI({
  model: "gpt-4o-mini",
  temperature: 0,
});

// Used when OpenAI is down or rate-limits us. Don't switch to claude-3-opus: too slow for the queue.
export const fallbackModel = new ChatAnthropic({
  modelName: "claude-3-5-sonnet-20240620",
  maxTokens: 1024,
});

export const routerModel = fastModel.withFallbacks([fallbackModel]);

// Local embeddings for deduplication, served by the Ollama sidecar.
export const embeddings = new OllamaEmbeddings({
  model: "nomic-embed-text",
  baseUrl: process.env.OLLAMA_URL ?? "http://localhost:11434",
});
