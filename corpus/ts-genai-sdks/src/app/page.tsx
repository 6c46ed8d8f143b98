import { triageFeedback } from "./actions";

export default function Page() {
  return (
    <main style={{ maxWidth: 640, margin: "2rem auto" }}>
      <h1>Send us feedback</h1>
      <form action={triageFeedback}>
        <textarea name="feedback" rows={8} style={{ width: "100%" }} required />
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
