// Package rag holds retrieval (embeddings + index) and answer generation.
package rag

import (
	"context"
	"fmt"
	"strings"
)

// Generator turns a fully built prompt into an answer. There is one
// implementation per backend: OpenAI in production, Ollama for local runs.
type Generator interface {
	Generate(ctx context.Context, q string) (string, error)
}

// BuildPrompt puts the retrieved passages in front of the question.
func BuildPrompt(question string, passages []Document) string {
	var b strings.Builder
	b.WriteString("Answer the question using only the passages below. ")
	b.WriteString("Cite the source file names you used.\n\n")
	for i, p := range passages {
		fmt.Fprintf(&b, "[%d] (%s) %s\n\n", i+1, p.Source, p.Text)
	}
	fmt.Fprintf(&b, "Question: %s\n", question)
	return b.String()
}
