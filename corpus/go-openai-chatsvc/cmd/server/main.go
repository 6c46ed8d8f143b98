// Command server runs the chat service: the public API on :8080 and the
// internal batch API (embeddings, summaries) on :9090.
package main

import (
	"log"
	"net/http"
	"os"

	"github.com/acme/go-openai-chatsvc/internal/llm"
	openai "github.com/sashabaranov/go-openai"
)

func main() {
	srv := &Server{
		client: llm.NewClient(),
		model:  openai.GPT4o,
	}

	http.HandleFunc("/chat", srv.handleChat)
	http.HandleFunc("/healthz", srv.handleHealth)

	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/embeddings", srv.handleEmbed)
	mux.HandleFunc("POST /v1/summarize", srv.handleSummarize)

	internalAddr := envOr("INTERNAL_ADDR", ":9090")
	go func() {
		log.Printf("internal API on %s", internalAddr)
		log.Fatal(http.ListenAndServe(internalAddr, mux))
	}()

	addr := envOr("ADDR", ":8080")
	log.Printf("chat API on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
