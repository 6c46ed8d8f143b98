// Command local is a developer tool: it reads tickets (one JSON object per
// line) on stdin and summarizes them with a local Ollama model, so the
// prompts can be tried without AWS credentials. It does not run in Lambda.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/acme/go-bedrock-worker/internal/ticket"
	"github.com/ollama/ollama/api"
)

func main() {
	client, err := api.ClientFromEnvironment()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var t ticket.Ticket
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			log.Printf("skip line: %v", err)
			continue
		}
		summary, err := summarize(ctx, client, t)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s\t%s\n", t.ID, summary)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
}

func summarize(ctx context.Context, client *api.Client, t ticket.Ticket) (string, error) {
	stream := false
	var out strings.Builder
	err := client.Chat(ctx, &api.ChatRequest{
		Model: "llama3.2",
		Messages: []api.Message{
			{Role: "system", Content: "Summarize support tickets in two sentences for a human agent."},
			{Role: "user", Content: t.Subject + "\n\n" + t.Body},
		},
		Stream: &stream,
	}, func(resp api.ChatResponse) error {
		out.WriteString(resp.Message.Content)
		return nil
	})
	return strings.TrimSpace(out.String()), err
}
