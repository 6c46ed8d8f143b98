// Package api is the v1 HTTP API: one route per upstream provider.
package api

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/acme/go-multi-provider/providers"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type Handler struct {
	OpenAI    *providers.OpenAI
	Groq      *providers.Groq
	Anthropic *providers.Anthropic
	Gemini    *providers.Gemini
}

func NewRouter(h *Handler) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Logger, middleware.Recoverer)

	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok"))
	})
	r.Route("/v1/chat", func(r chi.Router) {
		r.Post("/openai", h.chatOpenAI)
		r.Post("/groq", h.chatGroq)
		r.Post("/anthropic", h.chatAnthropic)
		r.Post("/gemini", h.chatGemini)
	})
	return r
}

type prompt struct {
	Prompt string `json:"prompt"`
}

func (h *Handler) chatOpenAI(w http.ResponseWriter, r *http.Request) {
	if q, ok := decode(w, r); ok {
		text, err := h.OpenAI.Complete(r.Context(), q)
		reply(w, r, text, err)
	}
}

func (h *Handler) chatGroq(w http.ResponseWriter, r *http.Request) {
	if q, ok := decode(w, r); ok {
		text, err := h.Groq.Complete(r.Context(), q)
		reply(w, r, text, err)
	}
}

func (h *Handler) chatAnthropic(w http.ResponseWriter, r *http.Request) {
	if q, ok := decode(w, r); ok {
		text, err := h.Anthropic.Complete(r.Context(), q)
		reply(w, r, text, err)
	}
}

func (h *Handler) chatGemini(w http.ResponseWriter, r *http.Request) {
	if q, ok := decode(w, r); ok {
		text, err := h.Gemini.Complete(r.Context(), q)
		reply(w, r, text, err)
	}
}

func decode(w http.ResponseWriter, r *http.Request) (string, bool) {
	var p prompt
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil || p.Prompt == "" {
		http.Error(w, "prompt is required", http.StatusBadRequest)
		return "", false
	}
	return p.Prompt, true
}

func reply(w http.ResponseWriter, r *http.Request, text string, err error) {
	if err != nil {
		log.Printf("%s: %v", r.URL.Path, err)
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"text": text})
}
