import { readFile } from "node:fs/promises";
import { routerModel } from "./llm.js";
import { TicketSummarizer } from "./summarizer.js";
import { embed, EMBEDDER_CARD } from "./embeddings.js";
import { classifyIntent } from "./intent.js";

interface Ticket {
  id: string;
  subject: string;
  body: string;
}

const QUEUE_FILE = process.env.QUEUE_FILE ?? "./queue.json";
const TRACKER_URL = "https://tracker.example.com/api/tickets";

async function triage(ticket: Ticket, summarizer: TicketSummarizer) {
  const vector = await embed(`${ticket.subject}\n${ticket.body}`);
  const intent = await classifyIntent(vector);
  const summary = await summarizer.summarize(ticket.id, ticket.body);
  const priority = await routerModel.invoke(
    `Reply with P1, P2 or P3 only. Intent: ${intent}. Summary: ${summary}`,
  );
  return { id: ticket.id, intent, summary, priority: String(priority.content).trim() };
}

async function main() {
  console.log(`embedder: ${EMBEDDER_CARD}`);
  const tickets: Ticket[] = JSON.parse(await readFile(QUEUE_FILE, "utf8"));
  const summarizer = new TicketSummarizer();
  for (const ticket of tickets) {
    const result = await triage(ticket, summarizer);
    await fetch(`${TRACKER_URL}/${result.id}/triage`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(result),
    });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
