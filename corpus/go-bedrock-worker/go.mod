module github.com/acme/go-bedrock-worker

go 1.22

require (
	github.com/aws/aws-lambda-go v1.47.0
	github.com/aws/aws-sdk-go-v2 v1.32.7
	github.com/aws/aws-sdk-go-v2/config v1.28.7
	github.com/aws/aws-sdk-go-v2/service/bedrockruntime v1.23.1
	github.com/ollama/ollama v0.5.4
)
