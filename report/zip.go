package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/klauspost/compress/flate"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer the workbook is saved with: excelize creates
// some entries in map order, so this one compresses each entry as it comes
// into a scratch file, one entry after another, and on Close copies them
// all, sorted by name ([Content_Types].xml first), to the zip. An entry's
// compressor is closed when the next entry starts, so only one is open,
// and the compressed bytes wait in the scratch file, not in memory (in
// memory when there is no scratch file: tests, small workbooks). XML is
// deflated at BestSpeed (8% larger than the default level, a third less
// time); pictures, compressed already, are stored as they are.
type sortedZip struct {
	w       io.Writer
	scratch io.ReadWriteSeeker // nil: the entries wait in mem
	mem     bytes.Buffer
	bw      *bufio.Writer // over scratch
	out     countWriter   // where entries' compressed bytes go: bw or mem
	entries map[string]*zipEntry
	cur     *zipEntry     // the entry being written, or nil
	comp    io.Writer     // cur's compressor: fw, or out for a picture
	fw      *flate.Writer // reset for each deflated entry
}

// zipEntry is an entry written: its compressed bytes are scratch[off:off+n].
type zipEntry struct {
	z      *sortedZip
	name   string
	method uint16 // zip.Deflate or zip.Store
	crc    uint32
	size   uint64
	off, n int64
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (e *zipEntry) Write(p []byte) (int, error) {
	if e.z.cur != e {
		return 0, fmt.Errorf("zip: %s written after the next entry began", e.name)
	}
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.z.comp.Write(p)
}

// newSortedZip writes a zip to w whose entries wait in scratch, an empty
// file open for reading and writing, or in memory when scratch is nil.
func newSortedZip(w io.Writer, scratch io.ReadWriteSeeker) excelize.ZipWriter {
	z := &sortedZip{w: w, scratch: scratch, entries: map[string]*zipEntry{}}
	z.out.w = &z.mem
	if scratch != nil {
		z.bw = bufio.NewWriterSize(scratch, 1<<16)
		z.out.w = z.bw
	}
	return z
}

// Create starts an entry, which ends the one before; a name created twice
// keeps the last content.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipEntry{z: z, name: name, method: zip.Deflate, off: z.out.n}
	switch {
	case stored(name):
		e.method, z.comp = zip.Store, &z.out
	case z.fw == nil:
		fw, err := flate.NewWriter(&z.out, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		z.fw, z.comp = fw, fw
	default:
		z.fw.Reset(&z.out)
		z.comp = z.fw
	}
	z.entries[name], z.cur = e, e
	return e, nil
}

// finish ends the entry being written, if any.
func (z *sortedZip) finish() error {
	e := z.cur
	if e == nil {
		return nil
	}
	if e.method == zip.Deflate {
		if err := z.fw.Close(); err != nil {
			return err
		}
	}
	e.n = z.out.n - e.off
	z.cur, z.comp = nil, nil
	return nil
}

// open reads back an entry's compressed bytes. A write after it must
// seek to the end of scratch first (see sortContentTypes).
func (z *sortedZip) open(e *zipEntry) (io.Reader, error) {
	if z.scratch == nil {
		return bytes.NewReader(z.mem.Bytes()[e.off : e.off+e.n]), nil
	}
	if err := z.bw.Flush(); err != nil {
		return nil, err
	}
	if _, err := z.scratch.Seek(e.off, io.SeekStart); err != nil {
		return nil, err
	}
	return io.LimitReader(z.scratch, e.n), nil
}

// stored reports whether an entry is kept uncompressed: a picture.
func stored(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		return true
	}
	return false
}

// AddFS adds every regular file of fsys, as zip.Writer.AddFS does.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

// contentTypes is [Content_Types].xml, whose Default and Override
// elements excelize writes in map order.
type contentTypes struct {
	XMLName  xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults []struct {
		Extension   string `xml:"Extension,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Default"`
	Overrides []struct {
		PartName    string `xml:"PartName,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

// sortContentTypes rewrites [Content_Types].xml with its elements sorted,
// as a new entry of that name.
func (z *sortedZip) sortContentTypes(e *zipEntry) error {
	r, err := z.open(e)
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(flate.NewReader(r))
	if err != nil {
		return err
	}
	if z.scratch != nil {
		if _, err := z.scratch.Seek(z.out.n, io.SeekStart); err != nil {
			return err
		}
	}
	var ct contentTypes
	if err := xml.Unmarshal(raw, &ct); err != nil {
		return err
	}
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	sort.Slice(ct.Overrides, func(i, j int) bool { return ct.Overrides[i].PartName < ct.Overrides[j].PartName })
	out, err := xml.Marshal(ct)
	if err != nil {
		return err
	}
	w, err := z.Create(e.name)
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(xml.Header)); err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	return z.finish()
}

// Close writes the entries in a fixed order and the central directory.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if e, ok := z.entries["[Content_Types].xml"]; ok {
		if err := z.sortContentTypes(e); err != nil {
			return err
		}
	}
	names := make([]string, 0, len(z.entries))
	for name := range z.entries {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if (a == "[Content_Types].xml") != (b == "[Content_Types].xml") {
			return a == "[Content_Types].xml"
		}
		return a < b
	})
	zw := zip.NewWriter(z.w)
	for _, name := range names {
		e := z.entries[name]
		h := &zip.FileHeader{Name: name, Method: e.method, CRC32: e.crc,
			CompressedSize64: uint64(e.n), UncompressedSize64: e.size}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		r, err := z.open(e)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			return err
		}
	}
	return zw.Close()
}
