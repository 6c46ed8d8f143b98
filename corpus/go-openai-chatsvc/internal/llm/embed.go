package llm

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

// Embed returns one vector per input text, in order.
func Embed(ctx context.Context, c *openai.Client, texts []string) ([][]float32, error) {
	resp, err := c.CreateEmbeddings(ctx, openai.EmbeddingRequest{
		Model: openai.SmallEmbedding3,
		Input: texts,
	})
	if err != nil {
		return nil, err
	}
	out := make([][]float32, len(resp.Data))
	for _, d := range resp.Data {
		out[d.Index] = d.Embedding
	}
	return out, nil
}
