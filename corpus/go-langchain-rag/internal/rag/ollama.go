package rag

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/ollama"
)

// OllamaGenerator answers with a local Llama 3.1 served by Ollama.
type OllamaGenerator struct {
	llm *ollama.LLM
}

func NewOllamaGenerator(serverURL string) (*OllamaGenerator, error) {
	opts := []ollama.Option{ollama.WithModel("llama3.1")}
	if serverURL != "" {
		opts = append(opts, ollama.WithServerURL(serverURL))
	}
	llm, err := ollama.New(opts...)
	if err != nil {
		return nil, err
	}
	return &OllamaGenerator{llm: llm}, nil
}

func (g *OllamaGenerator) Generate(ctx context.Context, q string) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, g.llm, q, llms.WithTemperature(0.2))
}
