module github.com/acme/monorepo/worker

go 1.22

require (
	github.com/redis/go-redis/v9 v9.7.0
	github.com/sashabaranov/go-openai v1.36.1
)
