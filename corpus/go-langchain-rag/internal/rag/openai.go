package rag

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/openai"
)

// OpenAIGenerator answers with GPT-4o. The API key is read from
// OPENAI_API_KEY by the langchaingo client.
type OpenAIGenerator struct {
	llm *openai.LLM
}

func NewOpenAIGenerator() (*OpenAIGenerator, error) {
	llm, err := openai.New(openai.WithModel("gpt-4o"))
	if err != nil {
		return nil, err
	}
	return &OpenAIGenerator{llm: llm}, nil
}

func (g *OpenAIGenerator) Generate(ctx context.Context, q string) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, g.llm, q,
		llms.WithTemperature(0.2),
		llms.WithMaxTokens(800),
	)
}
