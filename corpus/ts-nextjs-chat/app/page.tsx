"use client";

import { useState, type FormEvent } from "react";
import { useChat } from "@ai-sdk/react";

export default function Page() {
  const [provider, setProvider] = useState<"openai" | "anthropic">("openai");
  const [input, setInput] = useState("");
  const { messages, sendMessage, status } = useChat();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!input.trim()) return;
    sendMessage({ text: input }, { body: { provider } });
    setInput("");
  }

  return (
    <main className="mx-auto max-w-2xl p-4">
      <select value={provider} onChange={(e) => setProvider(e.target.value as "openai" | "anthropic")}>
        <option value="openai">GPT-4o</option>
        <option value="anthropic">Claude 3.5 Sonnet</option>
      </select>
      <ul>
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.role === "user" ? "You" : "Assistant"}:</strong>{" "}
            {m.parts.map((part, i) => (part.type === "text" ? <span key={i}>{part.text}</span> : null))}
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit}>
        <input
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="Ask about the docs…"
          disabled={status !== "ready"}
        />
      </form>
    </main>
  );
}
