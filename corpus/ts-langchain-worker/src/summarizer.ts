import { ChatOpenAI } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";

const prompt = ChatPromptTemplate.fromMessages([
  ["system", "You summarize support tickets for the on-call engineer in three sentences or fewer."],
  ["human", "Ticket #{id}:\n\n{body}"],
]);

export class TicketSummarizer {
  private llm: ChatOpenAI;

  constructor(private readonly maxChars = 8000) {
    this.llm = new ChatOpenAI({
      modelName: "gpt-4o",
      temperature: 0.3,
      maxRetries: 3,
    });
  }

  async summarize(id: string, body: string): Promise<string> {
    const chain = prompt.pipe(this.llm).pipe(new StringOutputParser());
    return chain.invoke({ id, body: body.slice(0, this.maxChars) });
  }
}
