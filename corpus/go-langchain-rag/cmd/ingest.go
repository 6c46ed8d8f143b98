package cmd

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/acme/go-langchain-rag/internal/rag"
	"github.com/spf13/cobra"
)

var ingestCmd = &cobra.Command{
	Use:   "ingest",
	Short: "Embed every markdown file in a folder and write the index",
	Args:  cobra.ExactArgs(1),
	RunE:  runIngest,
}

func runIngest(cmd *cobra.Command, args []string) error {
	paths, err := filepath.Glob(filepath.Join(args[0], "*.md"))
	if err != nil {
		return err
	}

	var docs []rag.Document
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, chunk := range rag.Chunk(string(body), 1200) {
			docs = append(docs, rag.Document{Source: filepath.Base(p), Text: strings.TrimSpace(chunk)})
		}
	}

	embedder, err := rag.NewEmbedder()
	if err != nil {
		return err
	}
	store, err := rag.BuildStore(cmd.Context(), embedder, docs)
	if err != nil {
		return err
	}
	cmd.Printf("indexed %d chunks from %d files\n", len(docs), len(paths))
	return store.Save(indexPath)
}
