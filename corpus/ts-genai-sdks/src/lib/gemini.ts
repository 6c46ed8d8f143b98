import { GoogleGenAI } from "@google/genai";

const apiKey = process.env.GEMINI_API_KEY;

// First draft of a reply to a customer. Cheap and fast; a human always edits it.
export async function draftReply(feedback: string): Promise<string> {
  const contents = `Write a short, friendly reply to this customer feedback. No promises about dates.\n\n${feedback}`;
  const response = await new GoogleGenAI({ apiKey }).models.generateContent({
    model: "gemini-2.0-flash",
    contents,
  });
  return response.text ?? "";
}
