// Package api exposes the RAG pipeline over HTTP.
package api

import (
	"log"
	"net/http"

	"github.com/acme/go-langchain-rag/internal/rag"
	"github.com/gin-gonic/gin"
	"github.com/tmc/langchaingo/embeddings"
)

const topK = 4

type Handler struct {
	gen      rag.Generator
	embedder embeddings.Embedder
	store    *rag.Store
}

func NewHandler(gen rag.Generator, e embeddings.Embedder, s *rag.Store) *Handler {
	return &Handler{gen: gen, embedder: e, store: s}
}

type askRequest struct {
	Question string `json:"question" binding:"required"`
}

func (h *Handler) Ask(c *gin.Context) {
	var req askRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}

	qvec, err := h.embedder.EmbedQuery(c.Request.Context(), req.Question)
	if err != nil {
		log.Printf("embed query: %v", err)
		c.JSON(http.StatusBadGateway, gin.H{"error": "embedding failed"})
		return
	}
	passages := h.store.Search(qvec, topK)

	answer, err := h.gen.Generate(c.Request.Context(), rag.BuildPrompt(req.Question, passages))
	if err != nil {
		log.Printf("generate: %v", err)
		c.JSON(http.StatusBadGateway, gin.H{"error": "generation failed"})
		return
	}

	sources := make([]string, len(passages))
	for i, p := range passages {
		sources[i] = p.Source
	}
	c.JSON(http.StatusOK, gin.H{"answer": answer, "sources": sources})
}

func (h *Handler) Health(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok", "chunks": len(h.store.Docs)})
}
