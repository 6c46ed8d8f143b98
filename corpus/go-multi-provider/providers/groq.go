package providers

import (
	"context"
	"errors"

	"github.com/openai/openai-go"
	"github.com/openai/openai-go/option"
)

// Groq speaks the OpenAI wire protocol, so it reuses the openai-go client
// pointed at Groq's endpoint.
type Groq struct {
	client openai.Client
}

func NewGroq(apiKey string) *Groq {
	return &Groq{client: openai.NewClient(
		option.WithAPIKey(apiKey),
		option.WithBaseURL("https://api.groq.com/openai/v1"),
	)}
}

func (p *Groq) Complete(ctx context.Context, q string) (string, error) {
	resp, err := p.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: "llama-3.1-70b-versatile",
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(systemPrompt),
			openai.UserMessage(q),
		},
		Temperature: openai.Float(0.3),
	})
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("groq: no choices")
	}
	return resp.Choices[0].Message.Content, nil
}
