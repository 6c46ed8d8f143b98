import type { UIMessage } from "ai";
import { streamChat } from "@/lib/ai";

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();
  const result = streamChat(messages);
  return result.toUIMessageStreamResponse();
}
