package charts

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"

	"github.com/klauspost/compress/zlib"
)

// encodePNG writes img as PNG. image/png tries all five row filters on
// every row to pick the best, which was three quarters of the time of a
// chart; charts are mostly flat colour, and the Up filter alone (each
// byte less the byte above it) turns their repeated rows into zeros. So an
// opaque image is written here as 8-bit RGB with every row filtered Up and
// deflated at BestSpeed, and anything else by image/png. Whether the image
// is opaque is seen as it is filtered (a row like the one above it is as
// opaque), the PNG made in memory and given up for image/png's at the
// first pixel that is not.
func encodePNG(w io.Writer, img *image.RGBA) error {
	return new(pngEncoder).encode(w, img)
}

// pngEncoder is what encodePNG needs besides the image, kept from one
// chart to the next by a Render worker: the compressor (half a megabyte of
// tables) and the buffer the PNG is made in.
type pngEncoder struct {
	zw  *zlib.Writer
	out bytes.Buffer
}

func (e *pngEncoder) encode(w io.Writer, img *image.RGBA) error {
	e.out.Reset()
	opaque, err := e.encodeOpaque(img)
	if err != nil {
		return err
	}
	if !opaque {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	_, err = w.Write(e.out.Bytes())
	return err
}

// encodeOpaque writes an opaque img as PNG to e.out, or stops at the
// first pixel that is not opaque and returns false.
func (e *pngEncoder) encodeOpaque(img *image.RGBA) (bool, error) {
	out := &e.out
	out.WriteString("\x89PNG\r\n\x1a\n")
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a sample, truecolour; deflate, adaptive filtering, no interlace
	if err := writeChunk(out, "IHDR", ihdr[:]); err != nil {
		return false, err
	}
	idat := &chunkWriter{w: out, typ: "IDAT"}
	if e.zw == nil {
		var err error
		if e.zw, err = zlib.NewWriterLevel(idat, zlib.BestSpeed); err != nil {
			return false, err
		}
	} else {
		e.zw.Reset(idat)
	}
	zw := e.zw
	row := make([]byte, 1+3*width)
	row[0] = 2 // filter Up
	zero := make([]byte, 1+3*width)
	zero[0] = 2
	for y := range height {
		cur := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):][:4*width]
		if y == 0 {
			for x, o := 0, 1; x < width; x, o = x+1, o+3 {
				p := cur[4*x : 4*x+4 : 4*x+4]
				if p[3] != 0xff {
					return false, nil
				}
				row[o], row[o+1], row[o+2] = p[0], p[1], p[2]
			}
		} else if above := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y-1):][:4*width]; bytes.Equal(cur, above) {
			// most rows of a chart repeat the row above (margins, bars, the
			// space between gridlines): all zeros, without a look at a pixel
			if _, err := zw.Write(zero); err != nil {
				return false, err
			}
			continue
		} else if !upFilter(row[1:], cur, above) {
			return false, nil
		}
		if _, err := zw.Write(row); err != nil {
			return false, err
		}
	}
	if err := zw.Close(); err != nil {
		return false, err
	}
	if err := idat.flush(); err != nil {
		return false, err
	}
	return true, writeChunk(out, "IEND", nil)
}

// upFilter writes into dst, 3 bytes a pixel, the RGB bytes of the RGBA
// pixels of cur less those of above (zeros where a pixel is the one above
// it, as most are), and returns false at the first pixel unlike the one
// above that is not opaque.
func upFilter(dst, cur, above []byte) bool {
	clear(dst)
	for x := 0; x+8 <= len(cur); x += 8 { // two pixels at a time
		if binary.LittleEndian.Uint64(cur[x:]) != binary.LittleEndian.Uint64(above[x:]) && !upPixels(dst[x/4*3:], cur[x:x+8], above[x:x+8]) {
			return false
		}
	}
	if x := len(cur) &^ 7; x < len(cur) { // the last pixel of an odd width
		return upPixels(dst[x/4*3:], cur[x:], above[x:])
	}
	return true
}

// upPixels is upFilter over one or two pixels.
func upPixels(dst, cur, above []byte) bool {
	for x, o := 0, 0; x+4 <= len(cur); x, o = x+4, o+3 {
		p, q, d := cur[x:x+4:x+4], above[x:x+4:x+4], dst[o:o+3:o+3]
		if p[3] != 0xff {
			return false
		}
		d[0], d[1], d[2] = p[0]-q[0], p[1]-q[1], p[2]-q[2]
	}
	return true
}

// writeChunk writes one PNG chunk: length, type, data, CRC of type and data.
func writeChunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, p := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts what is written to it into chunks of up to 64 KiB.
type chunkWriter struct {
	w   io.Writer
	typ string
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(c.buf) == 1<<16 {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
		k := min(len(p), 1<<16-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.typ, c.buf)
	c.buf = c.buf[:0]
	return err
}
