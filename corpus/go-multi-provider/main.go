// Command gateway fronts several hosted LLM providers behind one HTTP API.
// The v1 API is served by chi on :8080; the old v0 API (gorilla/mux) stays
// up on :8081 until the last clients have moved.
package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/acme/go-multi-provider/api"
	"github.com/acme/go-multi-provider/legacy"
	"github.com/acme/go-multi-provider/providers"
)

func main() {
	ctx := context.Background()

	gemini, err := providers.NewGemini(ctx, os.Getenv("GEMINI_API_KEY"))
	if err != nil {
		log.Fatalf("gemini: %v", err)
	}

	h := &api.Handler{
		OpenAI:    providers.NewOpenAI(os.Getenv("OPENAI_API_KEY")),
		Groq:      providers.NewGroq(os.Getenv("GROQ_API_KEY")),
		Anthropic: providers.NewAnthropic(),
		Gemini:    gemini,
	}
	cohere := providers.NewCohere(os.Getenv("CO_API_KEY"))

	go func() {
		log.Println("legacy v0 API on :8081")
		log.Fatal(http.ListenAndServe(":8081", legacy.NewRouter(cohere)))
	}()

	log.Println("v1 API on :8080")
	log.Fatal(http.ListenAndServe(":8080", api.NewRouter(h)))
}
