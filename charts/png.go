package charts

import (
	"bufio"
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
// deflated at BestSpeed, and anything else by image/png.
func encodePNG(w io.Writer, img *image.RGBA) error {
	if !img.Opaque() {
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a sample, truecolour; deflate, adaptive filtering, no interlace
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	idat := &chunkWriter{w: bw, typ: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	row := make([]byte, 1+3*width)
	row[0] = 2 // filter Up
	for y := range height {
		cur := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):]
		var above []byte
		if y > 0 {
			above = img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y-1):]
		}
		for x, o := 0, 1; x < width; x, o = x+1, o+3 {
			p := cur[4*x : 4*x+3 : 4*x+3]
			if above == nil {
				row[o], row[o+1], row[o+2] = p[0], p[1], p[2]
				continue
			}
			q := above[4*x : 4*x+3 : 4*x+3]
			row[o], row[o+1], row[o+2] = p[0]-q[0], p[1]-q[1], p[2]-q[2]
		}
		if _, err := zw.Write(row); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
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
