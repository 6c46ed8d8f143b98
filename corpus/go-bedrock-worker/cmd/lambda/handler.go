package main

import (
	"context"
	"encoding/json"
	"log"
	"sync"

	"github.com/acme/go-bedrock-worker/internal/ticket"
	"github.com/aws/aws-lambda-go/events"
)

var (
	once    sync.Once
	triage  *ticket.Triage
	initErr error
)

func handler(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
	once.Do(func() { triage, initErr = ticket.NewTriage(ctx) })
	if initErr != nil {
		return events.SQSEventResponse{}, initErr
	}

	var resp events.SQSEventResponse
	for _, rec := range ev.Records {
		var t ticket.Ticket
		if err := json.Unmarshal([]byte(rec.Body), &t); err != nil {
			log.Printf("skip malformed message %s: %v", rec.MessageId, err)
			continue
		}
		label, err := triage.Classify(ctx, t)
		if err != nil {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: rec.MessageId})
			continue
		}
		summary, err := triage.Summarize(ctx, t)
		if err != nil {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: rec.MessageId})
			continue
		}
		log.Printf("ticket %s: label=%s summary=%q", t.ID, label, summary)
	}
	return resp, nil
}
