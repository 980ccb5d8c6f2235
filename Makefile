# analyze — see README.md. `make run` and `make test` do everything on a fresh machine.
GO      ?= go
BIN     := bin/analyze
SAMPLE  := testdata/two_sessions_2024.txt
OUT     := out
FUZZTIME ?= 20s

.PHONY: build run test bench fuzz golden clean

build:
	$(GO) build -o $(BIN) ./cmd/analyze

# The main job on the bundled sample issue. Until `analyze run` lands
# (issue #3) this writes the structure the reader found.
run: build
	mkdir -p $(OUT)
	$(BIN) inspect $(SAMPLE) | tee $(OUT)/two_sessions_2024.structure.txt
	$(BIN) inspect --json $(SAMPLE) > $(OUT)/two_sessions_2024.structure.json
	@echo "wrote $(OUT)/two_sessions_2024.structure.txt and .json"

# What CI checks: formatting, vet, every test with the race detector
# (goldens, examples, fuzz seeds), and that the binary builds.
test:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...
	$(GO) build -o $(BIN) ./cmd/analyze

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# A short local fuzz of every fuzz target (FUZZTIME each).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReadIssue$$' -fuzztime $(FUZZTIME) ./analyze

# Rewrite the golden files after checking the change by reading it.
golden:
	$(GO) test ./... -update

clean:
	rm -rf bin $(OUT)
