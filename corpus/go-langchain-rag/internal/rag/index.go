package rag

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"sort"

	"github.com/tmc/langchaingo/embeddings"
	"github.com/tmc/langchaingo/llms/openai"
)

const embeddingModel = "text-embedding-3-small"

// Document is one chunk of a source file.
type Document struct {
	Source string    `json:"source"`
	Text   string    `json:"text"`
	Vector []float32 `json:"vector"`
}

// Store is a flat in-memory index, persisted as JSON.
type Store struct {
	Docs []Document `json:"docs"`
}

// NewEmbedder returns an OpenAI-backed embedder for documents and queries.
func NewEmbedder() (embeddings.Embedder, error) {
	llm, err := openai.New(openai.WithEmbeddingModel(embeddingModel))
	if err != nil {
		return nil, err
	}
	return embeddings.NewEmbedder(llm, embeddings.WithBatchSize(64))
}

// BuildStore embeds every document and returns the filled index.
func BuildStore(ctx context.Context, e embeddings.Embedder, docs []Document) (*Store, error) {
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	vectors, err := e.EmbedDocuments(ctx, texts)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Vector = vectors[i]
	}
	return &Store{Docs: docs}, nil
}

func LoadStore(path string) (*Store, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Store
	return &s, json.Unmarshal(raw, &s)
}

func (s *Store) Save(path string) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}

// Search returns the k documents closest to v by cosine similarity.
func (s *Store) Search(v []float32, k int) []Document {
	type scored struct {
		doc   Document
		score float64
	}
	all := make([]scored, 0, len(s.Docs))
	for _, d := range s.Docs {
		all = append(all, scored{d, cosine(v, d.Vector)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].score > all[j].score })
	out := make([]Document, 0, k)
	for i := 0; i < k && i < len(all); i++ {
		out = append(out, all[i].doc)
	}
	return out
}

// Chunk splits text into pieces of at most size bytes on paragraph breaks.
func Chunk(text string, size int) []string {
	var chunks []string
	for len(text) > size {
		cut := size
		for cut > size/2 && text[cut-1] != '\n' {
			cut--
		}
		chunks = append(chunks, text[:cut])
		text = text[cut:]
	}
	return append(chunks, text)
}

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / (math.Sqrt(na) * math.Sqrt(nb))
}
