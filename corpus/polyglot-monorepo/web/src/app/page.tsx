"use client";

import { useChat } from "@ai-sdk/react";
import { useState } from "react";

export default function Page() {
  const { messages, sendMessage, status } = useChat();
  const [input, setInput] = useState("");

  return (
    <main style={{ maxWidth: 640, margin: "2rem auto" }}>
      {messages.map((m) => (
        <p key={m.id}>
          <strong>{m.role === "user" ? "You" : "Acme"}:</strong>{" "}
          {m.parts.map((part) => (part.type === "text" ? part.text : "")).join("")}
        </p>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!input.trim()) return;
          sendMessage({ text: input });
          setInput("");
        }}
      >
        <input value={input} onChange={(e) => setInput(e.target.value)} disabled={status !== "ready"} />
      </form>
    </main>
  );
}
