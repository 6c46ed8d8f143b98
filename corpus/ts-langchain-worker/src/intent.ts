import * as ort from "onnxruntime-node";

export const INTENTS = ["billing", "bug", "feature_request", "account", "other"] as const;
export type Intent = (typeof INTENTS)[number];

let session: Promise<ort.InferenceSession> | undefined;

export async function classifyIntent(features: number[]): Promise<Intent> {
  session ??= ort.InferenceSession.create("./models/intent.onnx", {
    executionProviders: ["cpu"],
  });
  const s = await session;
  const input = new ort.Tensor("float32", Float32Array.from(features), [1, features.length]);
  const result = await s.run({ [s.inputNames[0]]: input });
  const logits = result[s.outputNames[0]].data as Float32Array;
  let best = 0;
  for (let i = 1; i < logits.length; i++) {
    if (logits[i] > logits[best]) best = i;
  }
  return INTENTS[best] ?? "other";
}
