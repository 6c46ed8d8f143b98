"use server";

import { generateText } from "ai";
import { myProvider } from "@lib/providers";
import { sentiment } from "@lib/sentiment";

const TRACKER_URL = process.env.TRACKER_URL ?? "https://tracker.example.com/api/feedback";

export async function triageFeedback(formData: FormData): Promise<void> {
  const feedback = String(formData.get("feedback") ?? "").trim();
  if (!feedback) return;

  const [{ text: summary }, mood] = await Promise.all([
    generateText({
      model: myProvider.languageModel("fast"),
      prompt: `Summarize this customer feedback in one sentence and name the product area:\n\n${feedback}`,
    }),
    sentiment(feedback),
  ]);

  await fetch(TRACKER_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ feedback, summary, mood }),
  });
}
