package scaledjpeg

import (
	"errors"
	"image"
)

// decode reads the whole file and returns the image.
func (d *decoder) decode() (image.Image, error) {
	var img image.Image
	for {
		err := d.readUntilScan()
		if err != nil {
			if errors.Is(err, errNoMarker) && img != nil && d.allScanned() {
				break // a missing EOI after a complete image is harmless
			}
			return nil, err
		}
		if d.eoi {
			break
		}
		if img == nil {
			if img, err = d.allocate(); err != nil {
				return nil, err
			}
		}
		if err := d.decodeScan(); err != nil {
			return nil, err
		}
	}
	if img == nil {
		return nil, formatError("the file has no image data")
	}
	if !d.allScanned() {
		return nil, formatError("the file ends before every colour component was decoded")
	}
	return img, nil
}

func (d *decoder) allScanned() bool {
	for i := range d.comps {
		if !d.comps[i].scanned {
			return false
		}
	}
	return true
}

// ratio is the image.YCbCrSubsampleRatio of a three-component frame.
func (d *decoder) ratio() (image.YCbCrSubsampleRatio, error) {
	y, cb, cr := d.comps[0], d.comps[1], d.comps[2]
	if y.h != d.hmax || y.v != d.vmax || cb.h != cr.h || cb.v != cr.v ||
		y.h%cb.h != 0 || y.v%cb.v != 0 {
		return 0, unsupported("chroma sampling %d×%d, %d×%d, %d×%d", y.h, y.v, cb.h, cb.v, cr.h, cr.v)
	}
	switch [2]int{y.h / cb.h, y.v / cb.v} {
	case [2]int{1, 1}:
		return image.YCbCrSubsampleRatio444, nil
	case [2]int{2, 1}:
		return image.YCbCrSubsampleRatio422, nil
	case [2]int{2, 2}:
		return image.YCbCrSubsampleRatio420, nil
	case [2]int{1, 2}:
		return image.YCbCrSubsampleRatio440, nil
	case [2]int{4, 1}:
		return image.YCbCrSubsampleRatio411, nil
	case [2]int{4, 2}:
		return image.YCbCrSubsampleRatio410, nil
	}
	return 0, unsupported("chroma sampling %d×%d, %d×%d, %d×%d", y.h, y.v, cb.h, cb.v, cr.h, cr.v)
}

// allocate makes the output image once the first scan starts, after
// checking that the data could hold that many blocks (every block takes
// at least two bits), so that a lying header costs no memory.
func (d *decoder) allocate() (image.Image, error) {
	blocks := 0
	for _, c := range d.comps {
		blocks += c.bw * c.bh
	}
	if blocks/4 > len(d.data) {
		return nil, formatError("%d bytes cannot hold a %d × %d image", len(d.data), d.width, d.height)
	}
	s := 8 / d.n
	r := image.Rect(0, 0, (d.width+s-1)/s, (d.height+s-1)/s)
	if len(d.comps) == 1 {
		g := image.NewGray(r)
		c := &d.comps[0]
		c.plane, c.stride, c.pw, c.ph = g.Pix, g.Stride, r.Dx(), r.Dy()
		return g, nil
	}
	ratio, err := d.ratio()
	if err != nil {
		return nil, err
	}
	m := image.NewYCbCr(r, ratio)
	c := &d.comps[0]
	c.plane, c.stride, c.pw, c.ph = m.Y, m.YStride, r.Dx(), r.Dy()
	ch := 0
	if m.CStride > 0 {
		ch = len(m.Cb) / m.CStride
	}
	d.comps[1].plane, d.comps[1].stride, d.comps[1].pw, d.comps[1].ph = m.Cb, m.CStride, m.CStride, ch
	d.comps[2].plane, d.comps[2].stride, d.comps[2].pw, d.comps[2].ph = m.Cr, m.CStride, m.CStride, ch
	return m, nil
}

// band is the coefficients of one MCU row of a scan, handed from the
// Huffman decoder to the IDCT.
type band struct {
	my   int
	coef []int16
}

// scanLayout is the geometry of the scan being decoded.
type scanLayout struct {
	mcusX, mcusY int
	stride       int    // int16s per block: N×N, plus a slot for discarded coefficients
	off          []int  // where each scan component's blocks start in band.coef
	parts        []part // the scan's components, for the IDCT goroutine
	mcu          []mcuBlock
	zz           [64]uint8 // coded position → index in the block, or the discard slot
	size         int
}

func (d *decoder) layout() scanLayout {
	var l scanLayout
	n := d.n
	l.stride = n * n
	if n < 8 {
		l.stride++
	}
	for k := 0; k < 64; k++ {
		row, col := int(zigzag[k]/8), int(zigzag[k]%8)
		if row < n && col < n {
			l.zz[k] = uint8(row*n + col)
		} else {
			l.zz[k] = uint8(n * n)
		}
	}
	if len(d.scan) == 1 {
		c := &d.comps[d.scan[0].ci]
		l.mcusX, l.mcusY = c.bw, c.bh
	} else {
		l.mcusX = (d.width + 8*d.hmax - 1) / (8 * d.hmax)
		l.mcusY = (d.height + 8*d.vmax - 1) / (8 * d.vmax)
	}
	for j, sc := range d.scan {
		l.off = append(l.off, l.size)
		l.parts = append(l.parts, part{sc.ci, sc.v, sc.bw})
		for y := 0; y < sc.v; y++ {
			for x := 0; x < sc.h; x++ {
				l.mcu = append(l.mcu, mcuBlock{j, l.size + (y*sc.bw+x)*l.stride, sc.h * l.stride})
			}
		}
		l.size += sc.bw * sc.v * l.stride
	}
	return l
}

// part is what the IDCT needs of a scan component (a copy, so that the
// Huffman decoder's DC predictions are not shared between goroutines).
type part struct{ ci, v, bw int }

// mcuBlock is one block of an MCU: the scan component it belongs to, where
// it is in the band for the first MCU, and how far each next MCU moves it.
type mcuBlock struct{ j, off, step int }

// pipelineDepth is how many bands may wait between the two goroutines.
const pipelineDepth = 4

// decodeScan decodes one scan: this goroutine does the Huffman decoding,
// MCU row by MCU row, and a second one the IDCT of the rows before.
func (d *decoder) decodeScan() error {
	for _, sc := range d.scan {
		c := &d.comps[sc.ci]
		c.scanned = true
		qfTable(&d.quant[c.tq], d.n, &c.qf)
	}
	l := d.layout()
	br := &bitReader{data: d.data, pos: d.pos}
	if l.mcusY <= 2 || l.size*l.mcusY < 1<<14 {
		// Small: no second goroutine.
		b := &band{coef: make([]int16, l.size)}
		for my := 0; my < l.mcusY; my++ {
			b.my = my
			if err := d.decodeRow(br, &l, b); err != nil {
				return err
			}
			d.idctBand(&l, b)
		}
		return d.endScan(br)
	}
	free := make(chan *band, pipelineDepth)
	work := make(chan *band, pipelineDepth)
	done := make(chan struct{})
	for i := 0; i < pipelineDepth; i++ {
		free <- &band{coef: make([]int16, l.size)}
	}
	go func() {
		for b := range work {
			d.idctBand(&l, b)
			free <- b
		}
		close(done)
	}()
	var err error
	for my := 0; my < l.mcusY; my++ {
		b := <-free
		b.my = my
		if err = d.decodeRow(br, &l, b); err != nil {
			break
		}
		work <- b
	}
	close(work)
	<-done
	if err != nil {
		return err
	}
	return d.endScan(br)
}

var errNoMarker = formatError("the file ends before the image is complete")

// overrunError says why the scan's data ran out: the end of the file, or a
// marker in the middle of the image data.
func (d *decoder) overrunError(br *bitReader) error {
	p := br.pos
	for p < len(d.data) && d.data[p] == 0xFF {
		p++
	}
	if p >= len(d.data) {
		return errNoMarker
	}
	return formatError("marker 0x%02X at byte %d in the middle of the image data", d.data[p], p)
}

// endScan checks the scan's data was all there and moves past it.
func (d *decoder) endScan(br *bitReader) error {
	if br.overrun() {
		return d.overrunError(br)
	}
	d.pos = br.pos
	return nil
}

// decodeRow Huffman-decodes MCU row b.my into b.coef (which is zero).
func (d *decoder) decodeRow(br *bitReader, l *scanLayout, b *band) error {
	for mx := 0; mx < l.mcusX; mx++ {
		if d.ri > 0 {
			i := b.my*l.mcusX + mx
			if i > 0 && i%d.ri == 0 {
				if err := d.restart(br, i/d.ri-1); err != nil {
					return err
				}
			}
		}
		for _, mb := range l.mcu {
			o := mb.off + mx*mb.step
			if err := decodeBlock(br, &d.scan[mb.j], b.coef[o:o+l.stride], &l.zz); err != nil {
				return err
			}
		}
	}
	if br.overrun() {
		return d.overrunError(br)
	}
	return nil
}

// restart expects the k-th RST marker (T.81 F.1.2.3): the bits before it
// are padding, and the DC predictions start again from 0.
func (d *decoder) restart(br *bitReader, k int) error {
	if br.overrun() {
		return d.overrunError(br)
	}
	p := br.pos
	if p >= len(d.data) || d.data[p] != 0xFF {
		return formatError("restart marker missing at byte %d", p)
	}
	for p < len(d.data) && d.data[p] == 0xFF {
		p++
	}
	if p >= len(d.data) {
		return errNoMarker
	}
	if d.data[p] != 0xD0+byte(k%8) {
		return formatError("restart marker 0x%02X at byte %d, expected RST%d", d.data[p], p, k%8)
	}
	br.pos = p + 1
	br.reset()
	for j := range d.scan {
		d.scan[j].pred = 0
	}
	return nil
}

var errBadCode = formatError("a Huffman code that is not in its table")

// decodeBlock Huffman-decodes one block (T.81 F.2.2) into blk, keeping the
// coefficients of the N×N corner (zz maps the rest to a discarded slot).
// The bit buffer is kept in local variables: this loop is where the time
// goes at 1/4 and 1/8 scale.
func decodeBlock(br *bitReader, sc *scanComp, blk []int16, zz *[64]uint8) error {
	bits, n := br.bits, br.n
	if n < 32 {
		br.fill()
		bits, n = br.bits, br.n
	}
	var s uint8
	if e := sc.dc.look[bits>>(64-lookBits)]; e != 0 {
		l := uint(e >> 8)
		bits <<= l
		n -= l
		s = uint8(e)
	} else {
		var ok bool
		br.bits, br.n = bits, n
		if s, ok = br.decodeSlow(sc.dc); !ok {
			return errBadCode
		}
		bits, n = br.bits, br.n
	}
	if s != 0 {
		if s > 15 {
			return formatError("DC difference of %d bits", s)
		}
		v := int32(bits >> (64 - uint(s)))
		bits <<= uint(s)
		n -= uint(s)
		if v < 1<<(s-1) {
			v -= 1<<s - 1
		}
		sc.pred += v
	}
	blk[0] = int16(sc.pred)
	ac := sc.ac
	for k := 1; k < 64; {
		if n < 32 {
			br.bits, br.n = bits, n
			br.fill()
			bits, n = br.bits, br.n
		}
		p := bits >> (64 - lookBits)
		if f := ac.fast[p]; f != 0 {
			k += int(f>>8) & 15
			if k > 63 {
				return formatError("coefficients run past the end of a block")
			}
			l := uint(f & 255)
			bits <<= l
			n -= l
			blk[zz[k]] = int16(f >> 16)
			k++
			continue
		}
		var rs uint8
		if e := ac.look[p]; e != 0 {
			l := uint(e >> 8)
			bits <<= l
			n -= l
			rs = uint8(e)
		} else {
			var ok bool
			br.bits, br.n = bits, n
			if rs, ok = br.decodeSlow(ac); !ok {
				return errBadCode
			}
			bits, n = br.bits, br.n
		}
		r, s := int(rs>>4), uint(rs&15)
		if s == 0 {
			if r != 15 {
				break // end of block
			}
			k += 16
			continue
		}
		k += r
		if k > 63 {
			return formatError("coefficients run past the end of a block")
		}
		v := int32(bits >> (64 - s))
		bits <<= s
		n -= s
		if v < 1<<(s-1) {
			v -= 1<<s - 1
		}
		blk[zz[k]] = int16(v)
		k++
	}
	br.bits, br.n = bits, n
	return nil
}

// idctBand turns a band's coefficients into samples and clears it for
// reuse.
func (d *decoder) idctBand(l *scanLayout, b *band) {
	n := d.n
	for j, sc := range l.parts {
		c := &d.comps[sc.ci]
		for r := 0; r < sc.v; r++ {
			y0 := (b.my*sc.v + r) * n
			if y0 >= c.ph {
				break
			}
			h := min(n, c.ph-y0)
			for bx := 0; bx < sc.bw; bx++ {
				x0 := bx * n
				if x0 >= c.pw {
					break
				}
				o := l.off[j] + (r*sc.bw+bx)*l.stride
				idct(n, b.coef[o:o+l.stride], &c.qf, c.plane[y0*c.stride+x0:], c.stride, min(n, c.pw-x0), h)
			}
		}
	}
	clear(b.coef)
}
