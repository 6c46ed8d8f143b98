// Command worker answers queued chat jobs in the background.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/redis/go-redis/v9"
	openai "github.com/sashabaranov/go-openai"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	rdb := redis.NewClient(&redis.Options{Addr: envOr("REDIS_ADDR", "localhost:6379")})
	client := openai.NewClient(os.Getenv("OPENAI_API_KEY"))
	queue := envOr("QUEUE_NAME", "jobs:chat")

	log.Printf("worker consuming %s", queue)
	for ctx.Err() == nil {
		job, err := nextJob(ctx, rdb, queue)
		if err != nil {
			log.Printf("queue: %v", err)
			continue
		}
		if job == nil {
			continue
		}

		resp, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
			Model: openai.GPT4oMini,
			Messages: []openai.ChatCompletionMessage{
				{Role: openai.ChatMessageRoleSystem, Content: "You answer questions about Acme products."},
				{Role: openai.ChatMessageRoleUser, Content: job.Question},
			},
		})
		if err != nil {
			log.Printf("job %s: %v", job.ID, err)
			continue
		}
		if err := storeResult(ctx, rdb, job, resp.Choices[0].Message.Content); err != nil {
			log.Printf("job %s: store: %v", job.ID, err)
		}
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
