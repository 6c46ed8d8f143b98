import { embedMany } from "ai";
import { embeddingModel } from "@/lib/ai";

export async function POST(req: Request) {
  const { chunks } = (await req.json()) as { chunks: string[] };

  const { embeddings, usage } = await embedMany({
    model: embeddingModel,
    values: chunks,
  });

  return Response.json({ embeddings, tokens: usage.tokens });
}
