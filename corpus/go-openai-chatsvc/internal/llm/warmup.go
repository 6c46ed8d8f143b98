package llm

import (
	"context"
	"log"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// warmup used to prime the connection pool at boot. It has not been wired
// in since the move to GPT-4o; kept around for the old benchmark script.
func warmup(c *openai.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	_, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:     "gpt-3.5-turbo",
		MaxTokens: 1,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleUser, Content: "ping"},
		},
	})
	if err != nil {
		log.Printf("warmup failed: %v", err)
	}
}
