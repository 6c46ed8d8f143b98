// Plain string helpers. Nothing in here talks to a model.

export function generateText(parts: string[], separator = "\n\n"): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join(separator);
}

export function truncate(text: string, max = 4000): string {
  return text.length <= max ? text : text.slice(0, max) + "…";
}

export function parseBody<T>(raw: string): T {
  return JSON.parse(raw) as T;
}
