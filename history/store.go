// Package history keeps what each run of analyze counted in a SQLite
// database (modernc.org/sqlite: pure Go, no cgo), so that trends across
// issues come from the store: Open a store, Load what earlier runs kept,
// View it from a report's issue (an analyze.History for the workbook and
// charts), and Record a run's issues in one transaction. It takes paths
// and results and never writes anything but the database.
package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// Store is an open history database.
type Store struct {
	db   *sql.DB
	path string
	// failAfter, when > 0, makes Record fail after that many inserts: the
	// tests' way of killing a run in the middle of its transaction.
	failAfter int
}

// ErrNewerStore is returned for a store made by a newer analyze.
var ErrNewerStore = errors.New("made by a newer version of analyze")

// migrations build the schema, one step per version: the store's
// user_version is the number of steps applied. Add steps; never change one.
var migrations = []string{
	// 1: issues and what each counted
	`CREATE TABLE issues (
		id             INTEGER PRIMARY KEY,
		sha256         TEXT NOT NULL UNIQUE, -- of the input's bytes: an issue is its bytes
		name           TEXT NOT NULL,        -- input file name
		title          TEXT NOT NULL,
		publication    TEXT NOT NULL,
		first_date     TEXT NOT NULL,        -- ISO 8601, '' when undated
		last_date      TEXT NOT NULL,
		articles       INTEGER NOT NULL,
		tokens         INTEGER NOT NULL,     -- word tokens of headlines and bodies
		mentions       INTEGER NOT NULL,
		lexicon        TEXT NOT NULL,        -- lexicon name
		lexicon_sha256 TEXT NOT NULL,        -- of its file(s), '+'-joined when extended
		tool_version   TEXT NOT NULL,
		analyzed_at    TEXT NOT NULL         -- RFC 3339, UTC
	);
	CREATE TABLE articles (
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		article  INTEGER NOT NULL,
		date     TEXT NOT NULL,
		venue    TEXT NOT NULL,
		headline TEXT NOT NULL,
		tokens   INTEGER NOT NULL,
		PRIMARY KEY (issue_id, article)
	);
	CREATE TABLE article_counts ( -- mentions of each formulation in each article, non-zero only
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		article  INTEGER NOT NULL,
		theme    TEXT NOT NULL,
		phrase   TEXT NOT NULL,
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, article, phrase)
	);
	CREATE TABLE formulation_counts ( -- every formulation of the issue's lexicon, zeros included
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		theme    TEXT NOT NULL,
		phrase   TEXT NOT NULL,
		zh       TEXT NOT NULL,
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, phrase)
	);
	CREATE TABLE theme_counts (
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		theme    TEXT NOT NULL,
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, theme)
	);
	CREATE TABLE cooccurrence ( -- pairs of themes over the whole issue
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		window   TEXT NOT NULL, -- sentence or paragraph
		theme_a  TEXT NOT NULL,
		theme_b  TEXT NOT NULL,
		count    INTEGER NOT NULL,
		expected REAL NOT NULL,
		npmi     REAL,          -- NULL when count is 0
		PRIMARY KEY (issue_id, window, theme_a, theme_b)
	);
	CREATE TABLE discovered (
		issue_id   INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		phrase     TEXT NOT NULL, -- as most often written
		phrase_key TEXT NOT NULL, -- lower case: what "seen before" compares
		count      INTEGER NOT NULL,
		articles   INTEGER NOT NULL,
		score      REAL NOT NULL,
		in_lexicon TEXT NOT NULL, -- the lexicon entry it is, or ''
		PRIMARY KEY (issue_id, phrase_key)
	);
	CREATE INDEX discovered_by_key ON discovered(phrase_key);`,
}

// Open opens the store at path, creating it (and its directory) if
// missing and bringing its schema up to date. The database is in WAL mode
// with a 30-second busy timeout, and write transactions take the write
// lock when they begin, so concurrent runs wait for each other.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Path is where the store is.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the steps the store has not had, in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return notAStore(err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notAStore(err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d: %w (this one knows %d)", version, ErrNewerStore, len(migrations))
	}
	if version == len(migrations) {
		return nil
	}
	if version == 0 {
		// a database with tables of its own is not a store to take over
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return notAStore(err)
		}
		if n > 0 {
			return errors.New("not a history store of analyze (it has tables of its own)")
		}
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("schema step %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migrations))); err != nil {
		return err
	}
	return tx.Commit()
}

// notAStore words the error of a file that is not a SQLite database.
func notAStore(err error) error {
	return fmt.Errorf("not a history store (%v)", err)
}
