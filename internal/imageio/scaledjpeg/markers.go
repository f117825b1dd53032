package scaledjpeg

import "bytes"

// component is one colour component of the frame and, once allocated,
// the plane of the output image it is decoded into.
type component struct {
	id   uint8
	h, v int // sampling factors
	tq   int // quantisation table
	// bw × bh blocks cover the component's samples (without the MCU
	// padding of interleaved scans).
	bw, bh int
	// The output plane: pw × ph samples, stride apart.
	plane   []uint8
	stride  int
	pw, ph  int
	scanned bool
	qf      [64]float32 // dequantisation × IDCT scale, N×N, set per scan
}

// scanComp is a component as one scan codes it.
type scanComp struct {
	ci     int // index in decoder.comps
	dc, ac *huffman
	// Per MCU: h × v blocks of the band's bw-wide block rows.
	h, v int
	bw   int // blocks per band row
	pred int32
}

// decoder holds the state of one Decode or DecodeHeader.
type decoder struct {
	data []byte
	pos  int
	n    int // output block size: 8, 4, 2 or 1

	haveFrame     bool
	progressive   bool
	unsupported   error
	width, height int
	comps         []component
	hmax, vmax    int

	jfif, adobe    bool
	adobeTransform byte

	quant    [4][64]uint16 // natural order
	quantSet [4]bool
	huff     [2][4]*huffman // [0] DC, [1] AC
	ri       int            // restart interval in MCUs, 0 = none

	scan []scanComp // the scan whose header was read last
	eoi  bool       // EOI seen
}

func be16(b []byte) int { return int(b[0])<<8 | int(b[1]) }

// nextMarker skips to the next marker and returns its code. Bytes that are
// not a marker between segments are skipped, as libjpeg and image/jpeg do.
func (d *decoder) nextMarker() (byte, error) {
	for {
		i := bytes.IndexByte(d.data[d.pos:], 0xFF)
		if i < 0 {
			d.pos = len(d.data)
			return 0, errNoMarker
		}
		d.pos += i
		for d.pos < len(d.data) && d.data[d.pos] == 0xFF {
			d.pos++
		}
		if d.pos >= len(d.data) {
			return 0, errNoMarker
		}
		m := d.data[d.pos]
		d.pos++
		if m != 0 {
			return m, nil
		}
	}
}

// segment returns the payload of the marker segment at d.pos and moves past it.
func (d *decoder) segment(m byte) ([]byte, error) {
	if d.pos+2 > len(d.data) {
		return nil, formatError("the file ends inside marker 0x%02X", m)
	}
	l := be16(d.data[d.pos:])
	if l < 2 || d.pos+l > len(d.data) {
		return nil, formatError("marker 0x%02X has a bad length %d", m, l)
	}
	p := d.data[d.pos+2 : d.pos+l]
	d.pos += l
	return p, nil
}

// readUntilScan reads markers up to and including the next SOS, whose
// header it leaves in d.scan. At EOI it returns nil with d.eoi set.
func (d *decoder) readUntilScan() error {
	if d.pos == 0 {
		if len(d.data) < 2 || d.data[0] != 0xFF || d.data[1] != 0xD8 {
			return formatError("not a JPEG file (no SOI marker)")
		}
		d.pos = 2
	}
	for {
		m, err := d.nextMarker()
		if err != nil {
			return err
		}
		switch {
		case m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			// SOI, TEM, RSTn: no payload.
			continue
		case m == 0xD9:
			d.eoi = true
			return nil
		}
		p, err := d.segment(m)
		if err != nil {
			return err
		}
		switch {
		case m == 0xC0 || m == 0xC1:
			err = d.readSOF(p, m)
		case m == 0xC4:
			err = d.readDHT(p)
		case m == 0xC8 || m == 0xCC:
			if m == 0xCC {
				err = unsupported("arithmetic coding")
			}
		case m >= 0xC2 && m <= 0xCF:
			d.progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE
			err = d.readSOF(p, m)
			if err == nil {
				switch {
				case d.progressive:
					err = unsupported("progressive JPEG")
				case m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF:
					err = unsupported("lossless JPEG")
				default:
					err = unsupported("frame type 0x%02X", m)
				}
				d.unsupported = err
			}
		case m == 0xDB:
			err = d.readDQT(p)
		case m == 0xDD:
			if len(p) != 2 {
				return formatError("DRI marker has length %d", len(p)+2)
			}
			d.ri = be16(p)
		case m == 0xDC:
			err = unsupported("DNL marker")
		case m == 0xE0:
			if len(p) >= 5 && string(p[:5]) == "JFIF\x00" {
				d.jfif = true
			}
		case m == 0xEE:
			if len(p) >= 12 && string(p[:5]) == "Adobe" {
				d.adobe = true
				d.adobeTransform = p[11]
			}
		case m == 0xDA:
			return d.readSOS(p)
		}
		if err != nil {
			return err
		}
	}
}

func (d *decoder) readSOF(p []byte, m byte) error {
	if d.haveFrame {
		return formatError("two frame headers")
	}
	if len(p) < 6 {
		return formatError("SOF marker too short")
	}
	prec := int(p[0])
	d.height = be16(p[1:])
	d.width = be16(p[3:])
	nf := int(p[5])
	if len(p) != 6+3*nf {
		return formatError("SOF marker length does not match its %d components", nf)
	}
	if nf == 0 {
		return formatError("frame has no components")
	}
	if d.width == 0 {
		return formatError("image width is 0")
	}
	d.haveFrame = true
	d.comps = make([]component, nf)
	for i := range d.comps {
		c := &d.comps[i]
		c.id = p[6+3*i]
		c.h = int(p[7+3*i] >> 4)
		c.v = int(p[7+3*i] & 15)
		c.tq = int(p[8+3*i])
		if c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 {
			return formatError("component %d has sampling factors %d×%d", c.id, c.h, c.v)
		}
		if c.tq > 3 {
			return formatError("component %d uses quantisation table %d", c.id, c.tq)
		}
		d.hmax = max(d.hmax, c.h)
		d.vmax = max(d.vmax, c.v)
	}
	if m != 0xC0 && m != 0xC1 {
		return nil // the caller says why it is unsupported
	}
	switch {
	case prec != 8:
		d.unsupported = unsupported("%d-bit samples", prec)
	case d.height == 0:
		d.unsupported = unsupported("height given by a DNL marker")
	case nf != 1 && nf != 3:
		d.unsupported = unsupported("%d components", nf)
	}
	if d.unsupported != nil {
		return d.unsupported
	}
	if d.width*d.height > MaxPixels {
		return formatError("image is %d × %d, more than %d pixels", d.width, d.height, MaxPixels)
	}
	if nf == 1 {
		// A single component is never interleaved: its factors do not matter.
		d.comps[0].h, d.comps[0].v, d.hmax, d.vmax = 1, 1, 1, 1
	}
	for i := range d.comps {
		c := &d.comps[i]
		cw := (d.width*c.h + d.hmax - 1) / d.hmax
		ch := (d.height*c.v + d.vmax - 1) / d.vmax
		c.bw, c.bh = (cw+7)/8, (ch+7)/8
	}
	if nf == 3 {
		if _, err := d.ratio(); err != nil {
			d.unsupported = err
			return err
		}
	}
	return nil
}

func (d *decoder) readDHT(p []byte) error {
	for len(p) > 0 {
		if len(p) < 17 {
			return formatError("DHT marker too short")
		}
		tc, th := p[0]>>4, p[0]&15
		if tc > 1 || th > 3 {
			return formatError("DHT marker defines table %d of class %d", th, tc)
		}
		var counts [16]int
		total := 0
		for i := range counts {
			counts[i] = int(p[1+i])
			total += counts[i]
		}
		if total == 0 || total > 256 || len(p) < 17+total {
			return formatError("DHT marker holds a bad table")
		}
		h, err := newHuffman(counts, p[17:17+total], tc == 0)
		if err != nil {
			return err
		}
		d.huff[tc][th] = h
		p = p[17+total:]
	}
	return nil
}

func (d *decoder) readDQT(p []byte) error {
	for len(p) > 0 {
		pq, tq := p[0]>>4, p[0]&15
		if pq > 1 || tq > 3 {
			return formatError("DQT marker defines table %d with precision %d", tq, pq)
		}
		size := 64 * (1 + int(pq))
		if len(p) < 1+size {
			return formatError("DQT marker too short")
		}
		for k := 0; k < 64; k++ {
			var q uint16
			if pq == 0 {
				q = uint16(p[1+k])
			} else {
				q = uint16(be16(p[1+2*k:]))
			}
			d.quant[tq][zigzag[k]] = q
		}
		d.quantSet[tq] = true
		p = p[1+size:]
	}
	return nil
}

func (d *decoder) readSOS(p []byte) error {
	if !d.haveFrame {
		return formatError("scan before the frame header")
	}
	if d.unsupported != nil {
		return d.unsupported
	}
	if len(d.comps) == 3 {
		// Colour transform: Adobe's flag wins, then JFIF, then libjpeg's
		// guess from the component ids.
		rgb := false
		switch {
		case d.adobe:
			rgb = d.adobeTransform == 0
		case d.jfif:
		default:
			rgb = d.comps[0].id == 'R' && d.comps[1].id == 'G' && d.comps[2].id == 'B'
		}
		if rgb {
			d.unsupported = unsupported("RGB JPEG (no YCbCr transform)")
			return d.unsupported
		}
	}
	if len(p) < 1 {
		return formatError("SOS marker too short")
	}
	ns := int(p[0])
	if ns < 1 || ns > len(d.comps) || len(p) != 4+2*ns {
		return formatError("SOS marker has a bad length or %d components", ns)
	}
	d.scan = d.scan[:0]
	blocks := 0
	for i := 0; i < ns; i++ {
		id, tables := p[1+2*i], p[2+2*i]
		ci := -1
		for j := range d.comps {
			if d.comps[j].id == id {
				ci = j
			}
		}
		if ci < 0 {
			return formatError("scan uses component %d that the frame lacks", id)
		}
		for _, s := range d.scan {
			if s.ci == ci {
				return formatError("scan lists component %d twice", id)
			}
		}
		td, ta := tables>>4, tables&15
		if td > 3 || ta > 3 || d.huff[0][td] == nil || d.huff[1][ta] == nil {
			return formatError("scan uses a Huffman table that is not defined")
		}
		c := &d.comps[ci]
		if !d.quantSet[c.tq] {
			return formatError("component %d uses quantisation table %d that is not defined", id, c.tq)
		}
		sc := scanComp{ci: ci, dc: d.huff[0][td], ac: d.huff[1][ta], h: c.h, v: c.v}
		if ns == 1 {
			sc.h, sc.v, sc.bw = 1, 1, c.bw
		} else {
			sc.bw = ((d.width + 8*d.hmax - 1) / (8 * d.hmax)) * c.h
		}
		blocks += sc.h * sc.v
		d.scan = append(d.scan, sc)
	}
	if ns > 1 && blocks > 10 {
		return formatError("scan MCU has %d blocks (at most 10)", blocks)
	}
	ss, se, a := p[1+2*ns], p[2+2*ns], p[3+2*ns]
	if ss != 0 || se != 63 || a != 0 {
		return unsupported("scan with spectral selection %d..%d (progressive)", ss, se)
	}
	return nil
}
