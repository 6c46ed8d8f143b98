module github.com/acme/go-openai-chatsvc

go 1.22

require github.com/sashabaranov/go-openai v1.36.1
