module github.com/issuelens/analyze

go 1.26.0

require (
	github.com/jdkato/prose/v3 v3.2.3
	golang.org/x/text v0.44.0
)

require gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
