// Package llm wraps the OpenAI client used by the chat service.
package llm

import (
	"os"

	openai "github.com/sashabaranov/go-openai"
)

// NewClient builds the shared OpenAI client from the environment.
func NewClient() *openai.Client {
	return openai.NewClient(os.Getenv("OPENAI_API_KEY"))
}
