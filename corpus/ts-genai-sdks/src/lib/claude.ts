import Anthropic from "@anthropic-ai/sdk";

// Reads ANTHROPIC_API_KEY from the environment.
const client = new Anthropic();

export async function reviewDraft(feedback: string, draft: string): Promise<string> {
  const message = await client.messages.create({
    model: "claude-3-5-haiku-latest",
    max_tokens: 1024,
    system: "You review support replies for tone and accuracy. Return the corrected reply only.",
    messages: [
      {
        role: "user",
        content: `Customer wrote:\n${feedback}\n\nDraft reply:\n${draft}`,
      },
    ],
  });
  return message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
}
