package main

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// Job is pushed by the api service as JSON onto a Redis list.
type Job struct {
	ID       string `json:"id"`
	Question string `json:"question"`
}

// nextJob blocks for up to five seconds; it returns (nil, nil) on timeout.
func nextJob(ctx context.Context, rdb *redis.Client, queue string) (*Job, error) {
	res, err := rdb.BLPop(ctx, 5*time.Second, queue).Result()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var job Job
	if err := json.Unmarshal([]byte(res[1]), &job); err != nil {
		return nil, err
	}
	return &job, nil
}

func storeResult(ctx context.Context, rdb *redis.Client, job *Job, answer string) error {
	return rdb.Set(ctx, "result:"+job.ID, answer, 24*time.Hour).Err()
}
