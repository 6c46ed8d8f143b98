// Package cmd holds the ragsvc command line: "serve" runs the HTTP API and
// "ingest" embeds a folder of documents into the index file.
package cmd

import (
	"fmt"
	"os"

	"github.com/acme/go-langchain-rag/internal/api"
	"github.com/acme/go-langchain-rag/internal/rag"
	"github.com/gin-gonic/gin"
	"github.com/spf13/cobra"
)

var indexPath string

var rootCmd = &cobra.Command{
	Use:   "ragsvc",
	Short: "Question answering over the team handbook",
}

var serveCmd = &cobra.Command{
	Use:   "serve",
	Short: "Run the HTTP API",
	RunE:  runServe,
}

func init() {
	rootCmd.PersistentFlags().StringVar(&indexPath, "index", "data/index.json", "path of the vector index")
	serveCmd.Flags().String("addr", ":8080", "listen address")
	rootCmd.AddCommand(serveCmd, ingestCmd)
}

// Execute runs the root command.
func Execute() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func runServe(cmd *cobra.Command, _ []string) error {
	addr, _ := cmd.Flags().GetString("addr")

	store, err := rag.LoadStore(indexPath)
	if err != nil {
		return err
	}
	embedder, err := rag.NewEmbedder()
	if err != nil {
		return err
	}

	var gen rag.Generator
	if os.Getenv("LLM_BACKEND") == "ollama" {
		gen, err = rag.NewOllamaGenerator(os.Getenv("OLLAMA_HOST"))
	} else {
		gen, err = rag.NewOpenAIGenerator()
	}
	if err != nil {
		return err
	}

	h := api.NewHandler(gen, embedder, store)
	r := gin.Default()
	r.GET("/healthz", h.Health)
	r.POST("/ask", h.Ask)
	return r.Run(addr)
}
