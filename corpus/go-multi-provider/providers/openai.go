// Package providers holds one small client wrapper per upstream LLM API.
package providers

import (
	"context"
	"errors"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

const systemPrompt = "You are a concise assistant. Answer in plain text."

type OpenAI struct {
	client openai.Client
}

func NewOpenAI(apiKey string) *OpenAI {
	return &OpenAI{client: openai.NewClient(option.WithAPIKey(apiKey))}
}

func (p *OpenAI) Complete(ctx context.Context, q string) (string, error) {
	resp, err := p.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: openai.ChatModelGPT4o,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(systemPrompt),
			openai.UserMessage(q),
		},
	})
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("openai: no choices")
	}
	return resp.Choices[0].Message.Content, nil
}
