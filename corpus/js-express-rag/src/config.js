// Central settings. Model names live here so that a model change is one line.
// (The old value was gpt-3.5-turbo; see the changelog.)

const CHAT_MODEL = "gpt-4o-mini";
const EMBEDDING_MODEL = "text-embedding-3-small";

const PORT = Number(process.env.PORT || 3000);
const TOP_K = 4;
const DOCS_BASE_URL = "https://support.example.com/articles/";

module.exports = {
  CHAT_MODEL,
  EMBEDDING_MODEL,
  PORT,
  TOP_K,
  DOCS_BASE_URL,
};
