module github.com/acme/go-langchain-rag

go 1.22

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/spf13/cobra v1.8.1
	github.com/tmc/langchaingo v0.1.12
)
