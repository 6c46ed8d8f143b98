// Package legacy serves the v0 API that predates the chi router. Only the
// generate endpoint is left; it always went to Cohere.
package legacy

import (
	"encoding/json"
	"net/http"

	"github.com/acme/go-multi-provider/providers"
	"github.com/gorilla/mux"
)

type handler struct {
	cohere *providers.Cohere
}

func NewRouter(co *providers.Cohere) http.Handler {
	h := &handler{cohere: co}
	r := mux.NewRouter()
	r.HandleFunc("/v0/generate", h.generate).Methods(http.MethodPost)
	r.HandleFunc("/v0/ping", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("pong"))
	}).Methods(http.MethodGet)
	return r
}

func (h *handler) generate(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	out, err := h.cohere.Generate(r.Context(), body.Text)
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"generation": out})
}
