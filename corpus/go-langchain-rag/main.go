package main

import "github.com/acme/go-langchain-rag/cmd"

func main() {
	cmd.Execute()
}
