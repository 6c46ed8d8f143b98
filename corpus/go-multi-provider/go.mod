module github.com/acme/go-multi-provider

go 1.22

require (
	github.com/anthropics/anthropic-sdk-go v1.4.0
	github.com/cohere-ai/cohere-go/v2 v2.12.2
	github.com/go-chi/chi/v5 v5.1.0
	github.com/gorilla/mux v1.8.1
	github.com/openai/openai-go v1.8.2
	google.golang.org/genai v1.12.0
)
