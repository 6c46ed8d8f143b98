import { generateObject } from "ai";
import { z } from "zod";
import { summaryModel } from "../../../lib/ai";
import { generateText, parseBody, truncate } from "../../../lib/text";

const summarySchema = z.object({
  title: z.string().describe("A short title, at most eight words"),
  bullets: z.array(z.string()).max(5),
  sentiment: z.enum(["positive", "neutral", "negative"]),
});

export async function POST(req: Request) {
  const { sections } = parseBody<{ sections: string[] }>(await req.text());
  const document = truncate(generateText(sections));

  const { object } = await generateObject({
    model: summaryModel,
    schema: summarySchema,
    prompt: `Summarize the following document for a busy reader.\n\n${document}`,
  });

  return Response.json(object);
}
