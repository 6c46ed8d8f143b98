package providers

import (
	"context"

	cohere "github.com/cohere-ai/cohere-go/v2"
	cohereclient "github.com/cohere-ai/cohere-go/v2/client"
)

type Cohere struct {
	co *cohereclient.Client
}

func NewCohere(apiKey string) *Cohere {
	return &Cohere{co: cohereclient.NewClient(cohereclient.WithToken(apiKey))}
}

func (p *Cohere) Generate(ctx context.Context, q string) (string, error) {
	resp, err := p.co.Chat(ctx, &cohere.ChatRequest{
		Model:    cohere.String("command-r-plus"),
		Message:  q,
		Preamble: cohere.String(systemPrompt),
	})
	if err != nil {
		return "", err
	}
	return resp.Text, nil
}
