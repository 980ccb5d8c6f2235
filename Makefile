# analyze — see README.md. `make run` and `make test` do everything on a fresh machine.
GO      ?= go
BIN     := bin/analyze
SAMPLE  := testdata/two_sessions_2024.txt
OUT     := out
FUZZTIME ?= 20s

.PHONY: build run test bench bench-peer bench-shapes fuzz golden clean man dateparser-check

build:
	CGO_ENABLED=0 $(GO) build -buildvcs=auto -o $(BIN) ./cmd/analyze

# The main job on the bundled sample issue: count the lexicon's
# formulations and write the tables under out/two_sessions_2024/, plus the
# structure the reader found, to check the reading.
run: build
	$(BIN) run --out $(OUT)/two_sessions_2024 $(SAMPLE)
	$(BIN) inspect $(SAMPLE) > $(OUT)/two_sessions_2024.structure.txt
	@echo "structure: $(OUT)/two_sessions_2024.structure.txt"

# The tests of every package's *large_test.go (large inputs, real signals,
# every chart at full size, Chinese with its dictionary): built only
# without the race detector, which makes them too slow and finds nothing
# in them.
LARGE := $(shell grep -ho '^func Test[A-Za-z0-9_]*' $$(find . -name '*large_test.go') | sed 's/^func //' | paste -sd'|')

# What CI checks: formatting, vet, every other test with the race detector
# (goldens, examples, fuzz seeds), the large tests once without it, and
# that the binary builds.
# -race needs cgo, and so gcc: without it the tests run once without it.
RACE := $(shell command -v gcc >/dev/null 2>&1 && echo -race)

test:
	@for p in soffice:libreoffice-calc-nogui script:bsdutils chattr:e2fsprogs gcc:gcc; do \
	  command -v $${p%%:*} >/dev/null 2>&1 || echo "make test: no $${p%%:*} here (Debian's $${p#*:}): the tests that need it are skipped; .ci/run installs it"; \
	done
	@[ -d ../shared ] || echo "make test: no ../shared beside the repository: the tests over the public corpus are skipped"
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test $(RACE) -count=1 -timeout 30m ./...
	$(GO) test -count=1 -run '^($(LARGE))$$' ./...
	CGO_ENABLED=0 $(GO) build -buildvcs=auto -o $(BIN) ./cmd/analyze

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# analyze against the peer script, peak memory on 10 and 100 MB, and prose
# alone (see scripts/bench-peer.sh; RUNS=5 by default)
bench-peer:
	bash scripts/bench-peer.sh

# peak RSS and time per byte on the hostile shapes (1 M short lines, 124k
# dated articles, one 54 MB line; see scripts/bench-shapes.sh)
bench-shapes:
	bash scripts/bench-shapes.sh

# A short local fuzz of every fuzz target (FUZZTIME each).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzReadIssue$$' -fuzztime $(FUZZTIME) ./analyze
	$(GO) test -run '^$$' -fuzz '^FuzzReadMarkdown$$' -fuzztime $(FUZZTIME) ./analyze
	$(GO) test -run '^$$' -fuzz '^FuzzMatch$$' -fuzztime $(FUZZTIME) ./analyze
	$(GO) test -run '^$$' -fuzz '^FuzzPrefilters$$' -fuzztime $(FUZZTIME) ./analyze
	$(GO) test -run '^$$' -fuzz '^FuzzChineseNames$$' -fuzztime $(FUZZTIME) ./analyze
	$(GO) test -run '^$$' -fuzz '^FuzzLexicon$$' -fuzztime $(FUZZTIME) ./analyze/lexicon

# Rewrite the golden files after checking the change by reading it.
golden:
	$(GO) test ./report -update

clean:
	rm -rf bin $(OUT)

# The manual page, made from the same help texts as analyze help.
man: build
	$(BIN) man > analyze.1

# third_party/go-dateparser rebuilt from the pinned upstream version by
# scripts/dateparser.sh must equal the committed copy
dateparser-check:
	@tmp=$$(mktemp -d) && OUT=$$tmp/go-dateparser bash scripts/dateparser.sh && diff -r $$tmp/go-dateparser third_party/go-dateparser && rm -rf $$tmp && echo "third_party/go-dateparser: as scripts/dateparser.sh makes it"
