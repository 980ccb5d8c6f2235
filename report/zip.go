package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the zip writer the workbook is saved with: excelize creates
// some entries in map order, so this one compresses each entry as it comes
// and writes them all, sorted by name ([Content_Types].xml first), on
// Close. It holds the entries compressed, which is what the finished file
// holds anyway, so the sheets are never kept twice uncompressed. XML is
// deflated at BestSpeed (8% larger than the default level, a third less
// time); pictures, compressed already, are stored as they are.
type sortedZip struct {
	w       io.Writer
	entries map[string]*zipEntry
	err     error
}

type zipEntry struct {
	name       string
	compressed bytes.Buffer
	fw         io.WriteCloser
	method     uint16 // zip.Deflate or zip.Store
	crc        uint32
	size       uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, entries: map[string]*zipEntry{}}
}

// Create starts an entry; a name created twice keeps the last content.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name}
	if err := e.start(); err != nil {
		return nil, err
	}
	z.entries[name] = e
	return e, nil
}

// stored reports whether an entry is kept uncompressed: a picture.
func stored(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		return true
	}
	return false
}

// start readies an empty entry for writing.
func (e *zipEntry) start() error {
	if stored(e.name) {
		e.method, e.fw = zip.Store, nopCloser{&e.compressed}
		return nil
	}
	fw, err := flate.NewWriter(&e.compressed, flate.BestSpeed)
	e.method, e.fw = zip.Deflate, fw
	return err
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

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

// sortContentTypes rewrites [Content_Types].xml with its elements sorted.
func sortContentTypes(e *zipEntry) error {
	if err := e.fw.Close(); err != nil {
		return err
	}
	raw, err := io.ReadAll(flate.NewReader(&e.compressed))
	if err != nil {
		return err
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
	*e = zipEntry{name: e.name}
	if err := e.start(); err != nil {
		return err
	}
	if _, err := e.Write([]byte(xml.Header)); err != nil {
		return err
	}
	_, err = e.Write(out)
	return err
}

// Close writes the entries in a fixed order and the central directory.
func (z *sortedZip) Close() error {
	if e, ok := z.entries["[Content_Types].xml"]; ok {
		if err := sortContentTypes(e); err != nil {
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
		if err := e.fw.Close(); err != nil {
			return err
		}
		h := &zip.FileHeader{Name: name, Method: e.method, CRC32: e.crc,
			CompressedSize64: uint64(e.compressed.Len()), UncompressedSize64: e.size}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := e.compressed.WriteTo(w); err != nil {
			return err
		}
		delete(z.entries, name)
	}
	return zw.Close()
}
