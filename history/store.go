// Package history keeps what each run of analyze counted in a SQLite
// database (modernc.org/sqlite: pure Go, no cgo), so that trends across
// issues come from the store: Open a store, Load what earlier runs kept,
// View it from a report's issue (an analyze.History for the workbook and
// charts), and Record a run's issues in one transaction. It takes paths
// and results and never writes anything but the database (and removes
// the files that runs killed while building a new store left beside it).
package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"modernc.org/sqlite" // also the database/sql driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open history database.
type Store struct {
	db   *sql.DB
	path string
	// failAfter, when > 0, makes Record fail after that many inserts: the
	// tests' way of killing a run in the middle of its transaction.
	failAfter int
	swept     []string // the files of killed runs' new stores Open removed
	// opened is, for a store read as immutable (OpenExisting), the file
	// as it was when opened (see read); nil otherwise
	opened os.FileInfo
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
	// 2: the runs whose issues were recorded, so that a run killed while
	// putting its reports in place can be finished or undone
	`CREATE TABLE runs (
		id          TEXT PRIMARY KEY, -- the run's random id
		recorded_at TEXT NOT NULL     -- RFC 3339, UTC
	);`,
	// 3: each issue's series (an issue is compared only with the issues of
	// its series) and language; an issue kept before has the series it
	// would get now without --series: its publication, else its file name
	`ALTER TABLE issues ADD COLUMN series TEXT NOT NULL DEFAULT '';
	ALTER TABLE issues ADD COLUMN lang TEXT NOT NULL DEFAULT '';
	UPDATE issues SET series = CASE WHEN publication <> '' THEN publication ELSE name END;
	CREATE INDEX issues_by_series ON issues(series);`,
	// 4: the word before each formulation's mentions, for changes of
	// wording; an issue kept before has none (it drifts from nothing)
	`CREATE TABLE modifiers (
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		phrase   TEXT NOT NULL,
		modifier TEXT NOT NULL, -- folded
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, phrase, modifier)
	);`,
	// 5: each issue's words, for keyness against the issues before it in
	// its series; an issue kept before has none
	`CREATE TABLE word_counts (
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		word     TEXT NOT NULL, -- folded, as keyness counts words
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, word)
	);`,
	// 6: the lists of formulations each issue sets out, for items left
	// out of a set list; an issue kept before has none
	`CREATE TABLE set_lists (
		issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
		items    TEXT NOT NULL, -- canonical phrases in the order listed, joined by tabs
		count    INTEGER NOT NULL,
		PRIMARY KEY (issue_id, items)
	);`,
}

// FormatError is a file at a store's path that is not a history store
// of analyze (or not one this version can read, or a damaged one);
// nothing was changed in it.
type FormatError struct {
	Path string
	Msg  string
	Err  error // ErrNewerStore, SQLite's error, or nil
}

func (e *FormatError) Error() string { return e.Path + ": " + e.Msg }
func (e *FormatError) Unwrap() error { return e.Err }

// Open opens the store at path for a run to read and add to, creating it
// (and its directory) if missing and bringing its schema up to date. A
// new store is made whole beside path and linked into place, so a store
// file is never seen half made: an empty file at path is refused, not
// taken for a new store (it is what a full disk or a crash leaves). The
// database is in WAL mode with a 30-second busy timeout, and write
// transactions take the write lock when they begin, so concurrent runs
// wait for each other. First it removes what runs killed while building
// a new store left beside path (see sweep and Swept).
func Open(ctx context.Context, path string) (*Store, error) {
	swept := sweep(path)
	if _, err := checkFile(path); errors.Is(err, os.ErrNotExist) {
		if err := create(ctx, path, nil); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	s, err := openDB(path, false, false)
	if err != nil {
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, classify(path, err)
	}
	s.swept = swept
	return s, nil
}

// OpenExisting opens an existing store read-only, for commands that only
// read it: it never creates a file or changes a schema, and leaves the
// store's directory as it found it. A store with no -wal, -shm (or
// -journal) beside it, which no run has open (the last to close removes
// them), is read as immutable: SQLite takes no lock and makes no file (see
// read for a run that opens it meanwhile). A store beside its -wal and
// -shm is read through them. The Store is for one goroutine.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	opened, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	immutable := !exists(path+"-wal") && !exists(path+"-shm") && !exists(path+"-journal")
	s, err := openDB(path, true, immutable)
	if err != nil {
		return nil, err
	}
	if immutable {
		s.opened = opened
	}
	var version int
	if err := s.read(func() error { return s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version) }); err != nil {
		s.db.Close()
		return nil, classify(path, err)
	}
	switch {
	case version == 0:
		s.db.Close()
		return nil, &FormatError{Path: path, Msg: "not a history store of analyze (it has no analyze schema)"}
	case version > len(migrations):
		s.db.Close()
		return nil, newerStore(path, version)
	}
	return s, nil
}

// checkFile refuses what cannot be a store before SQLite opens it: a
// directory, an empty file. A missing file is os.ErrNotExist. It returns
// what it found at path.
func checkFile(path string) (os.FileInfo, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	case st.IsDir():
		return nil, &FormatError{Path: path, Msg: "is a directory, not a history store"}
	case !st.Mode().IsRegular():
		return nil, &FormatError{Path: path, Msg: "is not a regular file, not a history store"}
	case st.Size() == 0:
		return nil, &FormatError{Path: path, Msg: "empty file (0 bytes), not a history store: a store is never empty; " +
			"if its history is lost, remove the file to start a new one"}
	}
	return st, nil
}

// exists is whether there is a file at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// read runs fn, the reads of one call. A store read as immutable is read
// with no lock, so a run that opens it meanwhile may write into the file
// under fn (it checkpoints into it as it closes): when the file is not as
// it was when opened (its size and time) once fn is done, what fn read may
// be torn, and the store is opened again through SQLite's locks and its
// -wal and -shm, as the run has it, for fn to run again. Load and HasRun,
// the reads of the commands that open a store read-only, go through it.
func (s *Store) read(fn func() error) error {
	err := fn()
	if s.opened == nil {
		return err
	}
	now, serr := os.Stat(s.path)
	if serr == nil && os.SameFile(now, s.opened) && now.Size() == s.opened.Size() && now.ModTime().Equal(s.opened.ModTime()) {
		return err
	}
	again, err := openDB(s.path, true, false)
	if err != nil {
		return err
	}
	s.db.Close()
	s.db, s.opened = again.db, nil
	return fn()
}

// create makes a new store at path: built in a temporary file beside it,
// .NAME.new-N, then linked into place unless another run made one first.
// The run holds the temporary file's flock(2) lock until its name is gone,
// so that Open can tell the files of a run killed while building (the
// kernel drops a dead process's locks) from those of a run building now.
// building, when not nil, is called with the new store's file once its
// schema is in, before it is closed: the tests' way of killing a run
// while it builds a store.
func create(ctx context.Context, path string, building func(tmp string)) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create the history store's directory: %w", path, unwrapPath(err))
	}
	f, err := createLocked(dir, "."+filepath.Base(path)+".new-*")
	if err != nil {
		return fmt.Errorf("%s: cannot create the history store: %w", path, err)
	}
	tmp := f.Name()
	defer f.Close() // after the name is removed: the lock goes with the file
	defer os.Remove(tmp)
	s, err := openDB(tmp, false, false)
	if err != nil {
		return fmt.Errorf("%s: cannot create the history store: %w", path, err)
	}
	err = s.migrate(ctx)
	if err == nil && building != nil {
		building(tmp)
	}
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: cannot create the history store: %w", path, err)
	}
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, os.ErrExist) {
		if _, serr := os.Lstat(path); !errors.Is(serr, os.ErrNotExist) {
			return nil // made by another run meanwhile
		}
		// a file system without hard links
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("%s: cannot create the history store: %w", path, unwrapPath(err))
		}
	}
	return nil
}

// createLocked creates a new file in dir named after pattern (as
// os.CreateTemp) and takes its flock(2) lock. A run sweeping leftovers
// may take the lock of a file just made and remove it before this run
// takes it: then the name no longer leads to the locked file, and a new
// file is made.
func createLocked(dir, pattern string) (*os.File, error) {
	for {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, unwrapPath(err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, err
		}
		held, err1 := f.Stat()
		there, err2 := os.Lstat(f.Name())
		if err1 == nil && err2 == nil && os.SameFile(held, there) {
			return f, nil
		}
		f.Close()
	}
}

// sweep removes what runs killed while building a new store (create)
// left beside path: .NAME.new-N and its -wal, -shm and -journal. A
// file whose lock it can take is no live run's: a run building a store
// holds it until the file's name is gone. A -wal, -shm or -journal whose
// store file is gone is no run's either (SQLite makes them after it and
// removes them before the run removes it). It returns the names removed,
// and leaves whatever it cannot remove or that is not named so.
func sweep(path string) []string {
	dir, prefix := filepath.Dir(path), "."+filepath.Base(path)+".new-"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	sidecars := map[string][]string{} // by store file
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		store := name
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if r, ok := strings.CutSuffix(rest, suffix); ok {
				rest, store = r, strings.TrimSuffix(name, suffix)
				break
			}
		}
		if rest == "" || strings.Trim(rest, "0123456789") != "" { // os.CreateTemp's random digits
			continue
		}
		if store != name {
			sidecars[store] = append(sidecars[store], name)
		} else if _, ok := sidecars[store]; !ok {
			sidecars[store] = nil
		}
	}
	var removed []string
	remove := func(names ...string) {
		for _, n := range names {
			if os.Remove(filepath.Join(dir, n)) == nil {
				removed = append(removed, n)
			}
		}
	}
	for _, store := range slices.Sorted(maps.Keys(sidecars)) {
		f, err := openUnlocked(filepath.Join(dir, store), path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			remove(sidecars[store]...)
		case err == nil:
			remove(sidecars[store]...)
			remove(store)
			f.Close() // after: the lock keeps another run from taking the name meanwhile
		}
	}
	return removed
}

// openUnlocked opens the file name and takes its flock(2) lock without
// waiting: an error when it is missing, held by a run, or not (or no
// longer) the file at name. A file that is the store at path (a run
// links its new store into place before it removes its name) is never
// opened: closing it would drop this process's SQLite locks on the store.
func openUnlocked(name, path string) (*os.File, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if store, err := os.Stat(path); err == nil && os.SameFile(st, store) {
		return nil, errors.New("the store itself")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	held, err1 := f.Stat()
	there, err2 := os.Lstat(name)
	if err1 != nil || err2 != nil || !os.SameFile(held, there) || !os.SameFile(held, st) {
		f.Close()
		return nil, errors.New("not the file at its name")
	}
	return f, nil
}

// openDB opens the database at path with the store's settings:
// read-only or not, and when read-only, immutable or not (SQLite's URI
// parameters mode=ro, immutable=1).
func openDB(path string, readOnly, immutable bool) (*Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// classify words an error from opening, reading or writing the database
// at path: a file that is not SQLite (SQLITE_NOTADB) or a damaged one, cut
// short or overwritten (SQLITE_CORRUPT), is a FormatError wrapping
// SQLite's error; anything else (permissions, a read-only or full disk) is
// said as SQLite says it.
func classify(path string, err error) error {
	var fe *FormatError
	if errors.As(err, &fe) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return &FormatError{Path: path, Err: err, Msg: "not a history store (" + se.Error() + ")"}
		case sqlite3.SQLITE_CORRUPT:
			return &FormatError{Path: path, Err: err, Msg: "damaged history store (" + se.Error() + "): restore it from a backup, or move it away to start a new one"}
		}
	}
	return fmt.Errorf("%s: %w", path, err)
}

func newerStore(path string, version int) error {
	return &FormatError{Path: path, Err: ErrNewerStore,
		Msg: fmt.Sprintf("schema version %d: %v (this one knows %d)", version, ErrNewerStore, len(migrations))}
}

// unwrapPath drops the path an *os.PathError repeats.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Swept is the files that runs killed while building a new store left
// beside it, which Open removed (names in the store's directory).
func (s *Store) Swept() []string { return s.swept }

// Path is where the store is.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// migrate applies the steps the store has not had, in one transaction.
func (s *Store) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return newerStore(s.path, version)
	}
	if version == len(migrations) {
		return nil
	}
	if version == 0 {
		// a database with tables of its own is not a store to take over
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &FormatError{Path: s.path, Msg: "not a history store of analyze (it has tables of its own)"}
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
