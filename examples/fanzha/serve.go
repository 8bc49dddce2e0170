package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fanzha/fanzha/indicators"
)

const serveUsage = `usage: fanzha serve [flags]

Run the HTTP moderation service:

	POST /v1/scan   {"text": "..."} or {"items": [{"id": ..., "text": "..."}, ...]}
	GET  /v1/rules  the rules
	GET  /healthz   liveness
	GET  /          a page to paste a message into and see the verdict

Errors are JSON objects {"error": "..."} with status 400 (malformed request),
404, 405, 408 (body not received within the read timeout), 413 (body, text or item count too large), 415 (not JSON), 500, or
503 (the scan did not finish within -timeout). SIGINT and SIGTERM shut down
gracefully; SIGHUP recompiles the catalog and -rules and swaps it in, keeping
the old rules if the new ones do not compile. The log has request metadata
only, never message text.

Flags:
`

//go:embed web/index.html
var indexHTML []byte

// serveConfig are the limits of the HTTP service.
type serveConfig struct {
	maxBody  int64         // bytes of a request body
	maxText  int           // bytes of one message
	maxItems int           // messages in one request
	timeout  time.Duration // to scan one request
	// readTimeout bounds reading a whole request, body included, so that a
	// client trickling its body cannot hold a connection; default 30s.
	readTimeout time.Duration
	log         *log.Logger // request log; nil logs nothing
}

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), serveUsage); fs.PrintDefaults() }
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	var cfg serveConfig
	fs.Int64Var(&cfg.maxBody, "max-body", 1<<20, "largest request body in `bytes`")
	fs.IntVar(&cfg.maxText, "max-text", 64<<10, "largest message in `bytes`")
	fs.IntVar(&cfg.maxItems, "max-items", 1000, "most messages in one request")
	fs.DurationVar(&cfg.timeout, "timeout", 5*time.Second, "time allowed to scan one request")
	var ef engineFlags
	ef.register(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || cfg.maxBody <= 0 || cfg.maxText <= 0 || cfg.maxItems <= 0 || cfg.timeout <= 0 {
		return usageFail(stderr, "serve", "limits must be positive and there are no arguments")
	}
	det, err := ef.detector()
	if err != nil {
		return usageFail(stderr, "serve", "%v", err)
	}
	var cur atomic.Pointer[indicators.Detector]
	cur.Store(det)
	cfg.log = log.New(stderr, "", log.LstdFlags)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "%s serve: %v\n", programName, err)
		return exitFailed
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				reload(&ef, &cur, cfg.log)
			}
		}
	}()
	cfg.log.Printf("listening on http://%s/ with %d rules", ln.Addr(), len(det.Rules()))
	if err := serveOn(ctx, ln, newHandler(cur.Load, cfg), cfg); err != nil {
		cfg.log.Print(err)
		return exitFailed
	}
	cfg.log.Print("shut down")
	return exitOK
}

// reload compiles the detector anew and swaps it in. On failure the old
// detector keeps serving.
func reload(ef *engineFlags, cur *atomic.Pointer[indicators.Detector], l *log.Logger) bool {
	det, err := ef.detector()
	if err != nil {
		l.Printf("reload failed, keeping the previous %d rules: %v", len(cur.Load().Rules()), err)
		return false
	}
	cur.Store(det)
	l.Printf("reloaded: %d rules", len(det.Rules()))
	return true
}

// serveOn serves h on ln until ctx is done, then shuts down gracefully,
// letting requests in flight finish.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler, cfg serveConfig) error {
	readTimeout := cfg.readTimeout
	if readTimeout <= 0 {
		readTimeout = 30 * time.Second
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(5*time.Second, readTimeout),
		ReadTimeout:       readTimeout,
		WriteTimeout:      cfg.timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          cfg.log,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.timeout+5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdownCtx)
	<-errc // http.ErrServerClosed
	return err
}

// service is the HTTP handler. It reads the detector from src on every
// request, so that a reload is seen at once and a request uses one
// detector throughout.
type service struct {
	src func() *indicators.Detector
	cfg serveConfig
}

// newHandler returns the service's handler, with request logging and
// panic recovery around it.
func newHandler(src func() *indicators.Detector, cfg serveConfig) http.Handler {
	s := &service{src: src, cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/scan", s.scan)
	mux.HandleFunc("/v1/rules", s.rules)
	mux.HandleFunc("/healthz", s.health)
	mux.HandleFunc("/{$}", s.index)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint")
	})
	return s.logged(recovered(mux))
}

// A scanItem is one message of a request.
type scanItem struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// scanRequest is the body of POST /v1/scan: either one text or items.
type scanRequest struct {
	scanItem
	Items *[]scanItem `json:"items"`
}

// A httpError is an error response.
type httpError struct {
	status int
	msg    string
}

func (s *service) scan(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
			return
		}
	}
	items, single, herr := s.decode(w, r)
	if herr != nil {
		writeError(w, herr.status, herr.msg)
		return
	}
	det := s.detector(w)
	if det == nil {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.timeout)
	defer cancel()
	results := make([]result, len(items))
	for i, it := range items {
		rep, err := det.DetectContext(ctx, *it.Text)
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			if r.Context().Err() != nil {
				return // the client is gone
			}
			writeError(w, http.StatusServiceUnavailable, "scan did not finish within "+s.cfg.timeout.String())
			return
		}
		id := it.ID
		if id == nil || string(id) == "null" {
			id = numberID(i + 1)
		}
		results[i] = newResult(id, rep)
	}
	if single {
		writeJSON(w, http.StatusOK, results[0])
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Items []result `json:"items"`
	}{results})
}

// decode reads and checks a scan request. single reports a request with
// "text" rather than "items".
func (s *service) decode(w http.ResponseWriter, r *http.Request) (items []scanItem, single bool, herr *httpError) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	var req scanRequest
	err := dec.Decode(&req)
	if err == nil && dec.More() {
		err = errors.New("more than one JSON value")
	}
	if err != nil {
		var mbe *http.MaxBytesError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var ne net.Error
		switch {
		case errors.As(err, &ne) && ne.Timeout():
			return nil, false, &httpError{http.StatusRequestTimeout, "request body not received in time"}
		case errors.As(err, &mbe):
			return nil, false, &httpError{http.StatusRequestEntityTooLarge, "request body larger than " + strconv.FormatInt(s.cfg.maxBody, 10) + " bytes"}
		case errors.As(err, &se):
			return nil, false, &httpError{http.StatusBadRequest, "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10)}
		case errors.As(err, &te):
			field := te.Field[strings.LastIndex(te.Field, ".")+1:] // drop the embedded struct's name
			if field == "" {
				return nil, false, &httpError{http.StatusBadRequest, "the request must be a JSON object"}
			}
			return nil, false, &httpError{http.StatusBadRequest, "field " + strconv.Quote(field) + " has the wrong JSON type"}
		case errors.Is(err, io.EOF):
			return nil, false, &httpError{http.StatusBadRequest, "empty body: want {\"text\": ...} or {\"items\": [...]}"}
		}
		return nil, false, &httpError{http.StatusBadRequest, "malformed JSON request"}
	}
	switch {
	case req.Text != nil && req.Items != nil:
		return nil, false, &httpError{http.StatusBadRequest, `give "text" or "items", not both`}
	case req.Text != nil:
		items, single = []scanItem{req.scanItem}, true
	case req.Items != nil:
		items = *req.Items
		if len(items) == 0 {
			return nil, false, &httpError{http.StatusBadRequest, `"items" is empty`}
		}
		if len(items) > s.cfg.maxItems {
			return nil, false, &httpError{http.StatusRequestEntityTooLarge, "more than " + strconv.Itoa(s.cfg.maxItems) + " items"}
		}
	default:
		return nil, false, &httpError{http.StatusBadRequest, `want {"text": ...} or {"items": [...]}`}
	}
	for i, it := range items {
		if it.Text == nil {
			return nil, false, &httpError{http.StatusBadRequest, fmt.Sprintf(`item %d has no "text"`, i+1)}
		}
		if len(*it.Text) > s.cfg.maxText {
			return nil, false, &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("text of item %d longer than %d bytes", i+1, s.cfg.maxText)}
		}
	}
	return items, single, nil
}

// detector returns the detector in service, or answers 500 and returns nil
// when none is loaded.
func (s *service) detector(w http.ResponseWriter) *indicators.Detector {
	det := s.src()
	if det == nil {
		writeError(w, http.StatusInternalServerError, "no detector loaded")
	}
	return det
}

func (s *service) rules(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	det := s.detector(w)
	if det == nil {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Rules []ruleInfo `json:"rules"`
	}{ruleInfos(det.Rules())})
}

func (s *service) health(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	det := s.detector(w)
	if det == nil {
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Status string `json:"status"`
		Rules  int    `json:"rules"`
	}{"ok", len(det.Rules())})
}

func (s *service) index(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// The page is self-contained: inline script and style, requests only
	// to this server.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(indexHTML)
}

// allowGet answers 405 for methods other than GET and HEAD.
func allowGet(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	writeError(w, http.StatusMethodNotAllowed, "use GET")
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, struct {
		Error string `json:"error"`
	}{msg})
}

// recovered turns a panic in h into a 500 response instead of a dropped
// connection.
func recovered(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if e := recover(); e != nil {
				if e == http.ErrAbortHandler {
					panic(e)
				}
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// statusWriter records the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// logged logs each request's method, path, status, duration and response
// size: metadata only, never the message text (which may be private).
func (s *service) logged(h http.Handler) http.Handler {
	if s.cfg.log == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.cfg.log.Printf("%s %s %d %s %dB", r.Method, r.URL.Path, sw.status, time.Since(start).Round(time.Microsecond), sw.bytes)
	})
}
