package llm

import (
	"context"
	"errors"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

const summaryPrompt = "Summarize the conversation below in three short bullet points."

// Summarize condenses a transcript into a few bullet points.
func Summarize(ctx context.Context, c *openai.Client, transcript []string) (string, error) {
	resp, err := c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:     DefaultModel,
		MaxTokens: MaxSummaryTokens,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: summaryPrompt},
			{Role: openai.ChatMessageRoleUser, Content: strings.Join(transcript, "\n")},
		},
	})
	if err != nil {
		return "", err
	}
	if len(resp.Choices) == 0 {
		return "", errors.New("llm: empty summary response")
	}
	return resp.Choices[0].Message.Content, nil
}
