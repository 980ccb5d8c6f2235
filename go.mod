module github.com/issuelens/analyze

go 1.26.0

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/jdkato/prose/v3 v3.2.3
	github.com/kljensen/snowball v0.10.0
	golang.org/x/text v0.44.0
)

require gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
