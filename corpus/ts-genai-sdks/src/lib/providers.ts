import { customProvider } from "ai";
import { openai } from "@ai-sdk/openai";
import { anthropic } from "@ai-sdk/anthropic";

// Callers ask for a tier, not a vendor; swap the models here.
export const myProvider = customProvider({
  languageModels: {
    fast: openai("gpt-4o-mini"),
    smart: anthropic("claude-3-5-sonnet-latest"),
  },
});

export type Tier = "fast" | "smart";
