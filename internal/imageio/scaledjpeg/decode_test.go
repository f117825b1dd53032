package scaledjpeg

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// checkShape checks the promised bounds and that the planes are exactly
// as image.NewYCbCr / image.NewGray would make them.
func checkShape(t testing.TB, m image.Image, w, h, scale int) {
	t.Helper()
	want := image.Rect(0, 0, (w+scale-1)/scale, (h+scale-1)/scale)
	if m.Bounds() != want {
		t.Fatalf("scale %d: bounds %v, want %v", scale, m.Bounds(), want)
	}
	switch m := m.(type) {
	case *image.Gray:
		if m.Stride != want.Dx() || len(m.Pix) != want.Dx()*want.Dy() {
			t.Fatalf("gray plane stride %d len %d", m.Stride, len(m.Pix))
		}
	case *image.YCbCr:
		ref := image.NewYCbCr(want, m.SubsampleRatio)
		if m.YStride != ref.YStride || m.CStride != ref.CStride || len(m.Y) != len(ref.Y) ||
			len(m.Cb) != len(ref.Cb) || len(m.Cr) != len(ref.Cr) {
			t.Fatalf("YCbCr planes differ from image.NewYCbCr")
		}
	default:
		t.Fatalf("image is %T", m)
	}
}

// stats is the worst agreement seen with image/jpeg at one scale.
type stats struct {
	max      int
	mean     float64
	minPSNR  float64
	planes   int
	meanMean float64
}

func (s *stats) add(d diff) {
	s.max = max(s.max, d.max)
	s.mean = max(s.mean, d.mean)
	if s.planes == 0 || d.psnr < s.minPSNR {
		s.minPSNR = d.psnr
	}
	s.meanMean += d.mean
	s.planes++
}

func (s *stats) String() string {
	if s.planes == 0 {
		return "no planes compared"
	}
	return fmt.Sprintf("max %d, worst plane mean %.3f, mean of means %.3f, worst PSNR %.1f dB over %d planes",
		s.max, s.mean, s.meanMean/float64(s.planes), s.minPSNR, s.planes)
}

// checkAgainstStd decodes data at every scale and compares with
// image/jpeg: at scale 1 sample by sample, at the others with image/jpeg's
// decode averaged over scale×scale boxes. photoLike applies the PSNR bound
// (which tiny images, dominated by edge blocks, need not meet).
func checkAgainstStd(t *testing.T, data []byte, all map[int]*stats, photoLike bool) {
	t.Helper()
	ref, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/jpeg: %v", err)
	}
	rp := planes(t, ref)
	for _, scale := range []int{1, 2, 4, 8} {
		m, err := Decode(data, scale)
		if err != nil {
			t.Fatalf("scale %d: %v", scale, err)
		}
		checkShape(t, m, ref.Bounds().Dx(), ref.Bounds().Dy(), scale)
		gp := planes(t, m)
		if len(gp) != len(rp) {
			t.Fatalf("scale %d: %d planes, image/jpeg %d", scale, len(gp), len(rp))
		}
		for i := range gp {
			want, got := rp[i], gp[i]
			if scale > 1 {
				// Blocks at the right and bottom edge hold the encoder's
				// padding, which their low frequencies average in while
				// the box average does not: compare whole blocks only.
				want = box(want, scale)
				n := 8 / scale
				got.w, got.h = rp[i].w/8*n, rp[i].h/8*n
				want.w, want.h = got.w, got.h
				if got.w == 0 || got.h == 0 {
					continue
				}
			}
			d := compare(t, got, want)
			all[scale].add(d)
			// Small images are all detail (stripes, a disc's edge and
			// noise within a few blocks): there the box average, which
			// lets high frequencies alias in, and the truncated IDCT,
			// which drops them, differ more.
			maxMean, minPSNR := 4.0, 28.0
			if photoLike {
				maxMean, minPSNR = 1.5, 35
			}
			switch {
			case scale == 1 && d.max > 2:
				t.Errorf("scale 1 %s: max difference %d from image/jpeg (mean %.3f)", gp[i].name, d.max, d.mean)
			case scale > 1 && d.mean > maxMean:
				t.Errorf("scale %d %s: mean difference %.3f from box-averaged image/jpeg", scale, gp[i].name, d.mean)
			case scale > 1 && d.psnr < minPSNR:
				t.Errorf("scale %d %s: PSNR %.1f dB against box-averaged image/jpeg", scale, gp[i].name, d.psnr)
			}
		}
	}
}

func newStats() map[int]*stats {
	return map[int]*stats{1: {}, 2: {}, 4: {}, 8: {}}
}

// TestRoundTrip compares with image/jpeg. Measured (go test -v -run
// 'RoundTrip/(640|1001)', the photo-sized cases, 16 planes per scale):
//
//	scale 1: max 1, worst plane mean 0.010
//	scale 2: worst plane mean 1.155, worst PSNR 43.6 dB (max 21, at the disc's edge)
//	scale 4: worst plane mean 0.622, worst PSNR 47.0 dB
//	scale 8: worst plane mean 0.109, worst PSNR 57.8 dB (DC = the box mean)
//
// Over all sizes (down to 7×13, where a block is mostly edge): scale 1
// max 1; scales 2 and 4 worst plane mean 3.5, worst PSNR 35.6 dB.
// Asserted: max ±2 at scale 1; at 2, 4, 8 mean ≤ 1.5 and PSNR ≥ 35 dB
// for photo-sized images, mean ≤ 4 and PSNR ≥ 28 dB for small ones.
func TestRoundTrip(t *testing.T) {
	all := newStats()
	sizes := [][2]int{{1, 1}, {7, 13}, {17, 9}, {33, 65}, {640, 480}, {1001, 667}}
	for _, sz := range sizes {
		for _, q := range []int{75, 95} {
			for _, gray := range []bool{false, true} {
				name := fmt.Sprintf("%dx%d-q%d-gray%v", sz[0], sz[1], q, gray)
				t.Run(name, func(t *testing.T) {
					data := encode(t, photo(sz[0], sz[1], gray), q)
					checkAgainstStd(t, data, all, sz[0] >= 640)
				})
			}
		}
	}
	for _, s := range []int{1, 2, 4, 8} {
		t.Logf("scale %d: %v", s, all[s])
	}
}

func TestFiles(t *testing.T) {
	all := newStats()
	files, _ := filepath.Glob("testdata/*.jpg")
	if len(files) < 10 {
		t.Fatalf("only %d test files", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			h, herr := DecodeHeader(data)
			_, derr := Decode(data, 2)
			switch name {
			case "progressive.jpg", "arithmetic.jpg", "rgb.jpg":
				if !errors.Is(derr, ErrUnsupported) {
					t.Fatalf("Decode: %v, want ErrUnsupported", derr)
				}
				if herr != nil || h.Supported || h.Width != 67 || h.Height != 45 {
					t.Fatalf("DecodeHeader: %+v, %v", h, herr)
				}
				if h.Progressive != (name == "progressive.jpg") {
					t.Fatalf("Progressive %v", h.Progressive)
				}
				return
			case "422-split-restart.jpg":
				// image/jpeg cannot decode it; the restart markers do not
				// change the coefficients, so it must decode exactly like
				// the same file without them.
				plain, err := os.ReadFile("testdata/422-split.jpg")
				if err != nil {
					t.Fatal(err)
				}
				for _, scale := range []int{1, 2, 4, 8} {
					a, err := Decode(data, scale)
					if err != nil {
						t.Fatal(err)
					}
					b, err := Decode(plain, scale)
					if err != nil {
						t.Fatal(err)
					}
					for i, p := range planes(t, a) {
						if d := compare(t, p, planes(t, b)[i]); d.max != 0 {
							t.Fatalf("scale %d %s differs from 422-split.jpg by up to %d", scale, p.name, d.max)
						}
					}
				}
				return
			case "truncated-444.jpg":
				if derr == nil || errors.Is(derr, ErrUnsupported) {
					t.Fatalf("Decode: %v, want a damaged-data error", derr)
				}
				t.Logf("error: %v", derr)
				return
			}
			if herr != nil || !h.Supported {
				t.Fatalf("DecodeHeader: %+v, %v", h, herr)
			}
			checkAgainstStd(t, data, all, false)
		})
	}
	for _, s := range []int{1, 2, 4, 8} {
		t.Logf("scale %d: %v", s, all[s])
	}
}

func TestFlat(t *testing.T) {
	cases := []struct {
		name string
		m    *image.Uniform
	}{
		{"gray77", image.NewUniform(color.Gray{77})},
		{"gray0", image.NewUniform(color.Gray{0})},
		{"white", image.NewUniform(color.Gray{255})},
		{"rose", image.NewUniform(color.RGBA{200, 30, 90, 255})},
	}
	for _, c := range cases {
		for _, sz := range [][2]int{{17, 9}, {64, 64}, {101, 3}} {
			t.Run(fmt.Sprintf("%s-%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				r := image.Rect(0, 0, sz[0], sz[1])
				var src image.Image
				if g, ok := c.m.C.(color.Gray); ok {
					m := image.NewGray(r)
					for i := range m.Pix {
						m.Pix[i] = g.Y
					}
					src = m
				} else {
					m := image.NewRGBA(r)
					for i := 0; i < len(m.Pix); i += 4 {
						m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = 200, 30, 90, 255
					}
					src = m
				}
				data := encode(t, src, 90)
				ref, err := jpeg.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				rp := planes(t, ref)
				for _, scale := range []int{1, 2, 4, 8} {
					m, err := Decode(data, scale)
					if err != nil {
						t.Fatal(err)
					}
					for i, p := range planes(t, m) {
						v := p.pix[0]
						for y := 0; y < p.h; y++ {
							for x := 0; x < p.w; x++ {
								if p.pix[y*p.stride+x] != v {
									t.Fatalf("scale %d %s: (%d,%d) is %d, (0,0) is %d", scale, p.name, x, y, p.pix[y*p.stride+x], v)
								}
							}
						}
						if d := int(v) - int(rp[i].pix[0]); d < -1 || d > 1 {
							t.Fatalf("scale %d %s: level %d, image/jpeg %d", scale, p.name, v, rp[i].pix[0])
						}
					}
				}
			})
		}
	}
}

// TestTruncated cuts a file at every length: each cut that removes scan
// data must be an error (as image/jpeg's), never a panic or a partial image.
func TestTruncated(t *testing.T) {
	for _, f := range []string{"testdata/420-restart-3mcu.jpg", "testdata/422-split-restart.jpg"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		full := encode(t, photo(40, 24, false), 80)
		for _, d := range [][]byte{data, full} {
			for cut := 0; cut < len(d)-2; cut++ {
				if _, err := Decode(d[:cut], 2); err == nil {
					t.Fatalf("%s cut at %d of %d bytes decoded without error", f, cut, len(d))
				}
			}
			if _, err := Decode(d[:len(d)-2], 2); err != nil {
				t.Errorf("without EOI: %v", err)
			}
		}
	}
}

// TestTruncatedLarge cuts a file big enough for the two-goroutine path.
func TestTruncatedLarge(t *testing.T) {
	data := encode(t, photo(640, 480, false), 90)
	for _, cut := range []int{len(data) / 2, len(data) - 40} {
		for _, scale := range []int{1, 8} {
			_, err := Decode(data[:cut], scale)
			if err == nil || errors.Is(err, ErrUnsupported) {
				t.Fatalf("cut at %d of %d, scale %d: %v", cut, len(data), scale, err)
			}
		}
	}
	// A damaged byte in the middle: an error or an image, never a panic.
	bad := bytes.Clone(data)
	for i := len(bad) / 2; i < len(bad)/2+50; i++ {
		bad[i] = 0xFF
	}
	if _, err := Decode(bad, 2); err != nil {
		t.Logf("damaged: %v", err)
	}
}

func TestLimits(t *testing.T) {
	data := encode(t, photo(16, 16, false), 80)
	// Rewrite the SOF's size to 7000 × 7000 (49 MP, within the cap) and
	// 65535 × 65535 (over it): both must fail without allocating the image.
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	for _, sz := range []int{7000, 65535} {
		d := bytes.Clone(data)
		d[i+5], d[i+6], d[i+7], d[i+8] = byte(sz>>8), byte(sz), byte(sz>>8), byte(sz)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := Decode(d, 1); err == nil {
			t.Fatalf("%d × %d in %d bytes decoded", sz, sz, len(d))
		}
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
			t.Errorf("%d × %d in %d bytes: %d bytes allocated before the error", sz, sz, len(d), n)
		}
		if _, err := DecodeHeader(d); (err == nil) != (sz == 7000) {
			t.Errorf("DecodeHeader %d: %v", sz, err)
		}
	}
	if _, err := Decode(data, 3); err == nil {
		t.Error("scale 3 accepted")
	}
}

func TestHeader(t *testing.T) {
	data := encode(t, photo(33, 65, false), 80)
	h, err := DecodeHeader(data)
	if err != nil || h != (Header{Width: 33, Height: 65, Components: 3, Supported: true}) {
		t.Fatalf("%+v %v", h, err)
	}
	for _, bad := range []string{"GIF89a", "\xff\xd8\xff\xd9", "\xff\xd8"} {
		if _, err := DecodeHeader([]byte(bad)); err == nil {
			t.Errorf("DecodeHeader(%q) gave no error", bad)
		}
		if _, err := Decode([]byte(bad), 1); err == nil {
			t.Errorf("Decode(%q) gave no error", bad)
		}
	}
}
