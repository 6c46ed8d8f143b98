package providers

import (
	"context"

	"google.golang.org/genai"
)

type Gemini struct {
	client *genai.Client
}

func NewGemini(ctx context.Context, apiKey string) (*Gemini, error) {
	client, err := genai.NewClient(ctx, &genai.ClientConfig{
		APIKey:  apiKey,
		Backend: genai.BackendGeminiAPI,
	})
	if err != nil {
		return nil, err
	}
	return &Gemini{client: client}, nil
}

func (p *Gemini) Complete(ctx context.Context, q string) (string, error) {
	resp, err := p.client.Models.GenerateContent(ctx, "gemini-2.0-flash", genai.Text(q), nil)
	if err != nil {
		return "", err
	}
	return resp.Text(), nil
}
