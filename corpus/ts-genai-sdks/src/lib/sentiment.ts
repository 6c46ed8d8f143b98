import type { TextClassificationPipeline } from "@huggingface/transformers";

export interface Mood {
  label: string;
  score: number;
}

let classifier: Promise<TextClassificationPipeline> | undefined;

// Imported lazily so that the API and the CLI start fast. The ONNX weights are fetched
// into the local cache on first use and run in-process.
async function loadClassifier(): Promise<TextClassificationPipeline> {
  const { pipeline } = await import("@huggingface/transformers");
  const classify = await pipeline("sentiment-analysis", "Xenova/distilbert-base-uncased-finetuned-sst-2-english");
  return classify;
}

export async function sentiment(text: string): Promise<Mood> {
  classifier ??= loadClassifier();
  const classify = await classifier;
  const output = await classify(text);
  const first = (Array.isArray(output) ? output[0] : output) as Mood;
  return { label: first.label, score: first.score };
}
