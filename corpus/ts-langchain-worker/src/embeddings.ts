import { pipeline } from "@huggingface/transformers";
import type { FeatureExtractionPipeline } from "@huggingface/transformers";

// Model card, printed at start-up so that operators know what runs in-process.
export const EMBEDDER_CARD = "https://huggingface.co/Xenova/all-MiniLM-L6-v2";

let extractor: Promise<FeatureExtractionPipeline> | undefined;

function getExtractor(): Promise<FeatureExtractionPipeline> {
  if (!extractor) {
    extractor = pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2", {
      dtype: "fp32",
    }) as Promise<FeatureExtractionPipeline>;
  }
  return extractor;
}

export async function embed(text: string): Promise<number[]> {
  const fe = await getExtractor();
  const output = await fe(text, { pooling: "mean", normalize: true });
  return Array.from(output.data as Float32Array);
}
