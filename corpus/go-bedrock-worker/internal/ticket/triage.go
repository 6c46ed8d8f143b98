// Package ticket classifies and summarizes support tickets with Bedrock.
package ticket

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
)

// modelID is the model used for customer-facing summaries.
const modelID = "anthropic.claude-3-5-sonnet-20240620-v1:0"

var labels = []string{"billing", "bug", "account", "feature-request", "other"}

type Ticket struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

type Triage struct {
	client *bedrockruntime.Client
}

func NewTriage(ctx context.Context) (*Triage, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load aws config: %w", err)
	}
	return &Triage{client: bedrockruntime.NewFromConfig(cfg)}, nil
}

type anthropicRequest struct {
	AnthropicVersion string           `json:"anthropic_version"`
	MaxTokens        int              `json:"max_tokens"`
	Messages         []map[string]any `json:"messages"`
}

type anthropicResponse struct {
	Content []struct {
		Text string `json:"text"`
	} `json:"content"`
}

// Classify picks one label for the ticket using the raw InvokeModel API.
func (t *Triage) Classify(ctx context.Context, tk Ticket) (string, error) {
	prompt := fmt.Sprintf("Classify this support ticket as one of %s. Reply with the label only.\n\nSubject: %s\n\n%s",
		strings.Join(labels, ", "), tk.Subject, tk.Body)
	body, err := json.Marshal(anthropicRequest{
		AnthropicVersion: "bedrock-2023-05-31",
		MaxTokens:        10,
		Messages:         []map[string]any{{"role": "user", "content": prompt}},
	})
	if err != nil {
		return "", err
	}

	out, err := t.client.InvokeModel(ctx, &bedrockruntime.InvokeModelInput{
		ModelId:     aws.String("anthropic.claude-3-haiku-20240307-v1:0"),
		ContentType: aws.String("application/json"),
		Accept:      aws.String("application/json"),
		Body:        body,
	})
	if err != nil {
		return "", fmt.Errorf("invoke model: %w", err)
	}

	var resp anthropicResponse
	if err := json.NewDecoder(bytes.NewReader(out.Body)).Decode(&resp); err != nil {
		return "", err
	}
	if len(resp.Content) == 0 {
		return "other", nil
	}
	return strings.TrimSpace(resp.Content[0].Text), nil
}

// Summarize writes a two-sentence summary for the agent queue via Converse.
func (t *Triage) Summarize(ctx context.Context, tk Ticket) (string, error) {
	out, err := t.client.Converse(ctx, &bedrockruntime.ConverseInput{
		ModelId: aws.String(modelID),
		System: []types.SystemContentBlock{
			&types.SystemContentBlockMemberText{Value: "Summarize support tickets in two sentences for a human agent."},
		},
		Messages: []types.Message{{
			Role: types.ConversationRoleUser,
			Content: []types.ContentBlock{
				&types.ContentBlockMemberText{Value: tk.Subject + "\n\n" + tk.Body},
			},
		}},
		InferenceConfig: &types.InferenceConfiguration{
			MaxTokens:   aws.Int32(200),
			Temperature: aws.Float32(0.2),
		},
	})
	if err != nil {
		return "", fmt.Errorf("converse: %w", err)
	}

	msg, ok := out.Output.(*types.ConverseOutputMemberMessage)
	if !ok || len(msg.Value.Content) == 0 {
		return "", errors.New("converse: no message in output")
	}
	text, ok := msg.Value.Content[0].(*types.ContentBlockMemberText)
	if !ok {
		return "", errors.New("converse: first block is not text")
	}
	return text.Value, nil
}
