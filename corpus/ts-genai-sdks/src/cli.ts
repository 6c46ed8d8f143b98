#!/usr/bin/env node
import ollama from "ollama";
import { sentiment } from "@lib/sentiment";

// ask [--mood] <question...>   Talks to the local Ollama daemon; nothing leaves the machine.
async function main() {
  const args = process.argv.slice(2);
  const withMood = args[0] === "--mood";
  const question = (withMood ? args.slice(1) : args).join(" ").trim();
  if (!question) {
    console.error("usage: ask [--mood] <question>");
    process.exit(2);
  }

  if (withMood) {
    const mood = await sentiment(question);
    console.error(`mood: ${mood.label} (${mood.score.toFixed(2)})`);
  }

  const response = await ollama.chat({
    model: "llama3.1",
    messages: [{ role: "user", content: question }],
  });
  console.log(response.message.content);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
