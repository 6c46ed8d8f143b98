package llm

// DefaultModel is the cheap model used for background work such as
// summaries. Interactive chat uses GPT-4o (see cmd/server).
const DefaultModel = "gpt-4o-mini"

// MaxSummaryTokens caps summary length.
const MaxSummaryTokens = 300
