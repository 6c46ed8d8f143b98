package main

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/acme/go-openai-chatsvc/internal/llm"
	openai "github.com/sashabaranov/go-openai"
)

// Server holds the shared OpenAI client and the model name reported to callers.
type Server struct {
	client *openai.Client
	model  string
}

type chatRequest struct {
	Messages []openai.ChatCompletionMessage `json:"messages"`
}

type textsRequest struct {
	Texts []string `json:"texts"`
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Messages) == 0 {
		http.Error(w, "messages are required", http.StatusBadRequest)
		return
	}

	resp, err := s.client.CreateChatCompletion(r.Context(), openai.ChatCompletionRequest{
		Model:       openai.GPT4o,
		Messages:    req.Messages,
		Temperature: 0.3,
	})
	if err != nil {
		log.Printf("chat: %v", err)
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	writeJSON(w, map[string]any{
		"model":   s.model,
		"message": resp.Choices[0].Message,
		"usage":   resp.Usage,
	})
}

func (s *Server) handleEmbed(w http.ResponseWriter, r *http.Request) {
	var req textsRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Texts) == 0 {
		http.Error(w, "texts are required", http.StatusBadRequest)
		return
	}
	vectors, err := llm.Embed(r.Context(), s.client, req.Texts)
	if err != nil {
		log.Printf("embed: %v", err)
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	writeJSON(w, map[string]any{"vectors": vectors})
}

func (s *Server) handleSummarize(w http.ResponseWriter, r *http.Request) {
	var req textsRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || len(req.Texts) == 0 {
		http.Error(w, "texts are required", http.StatusBadRequest)
		return
	}
	summary, err := llm.Summarize(r.Context(), s.client, req.Texts)
	if err != nil {
		log.Printf("summarize: %v", err)
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	writeJSON(w, map[string]string{"summary": summary})
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, map[string]string{"status": "ok", "model": s.model})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}
