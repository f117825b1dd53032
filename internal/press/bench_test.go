package press

import (
	"fmt"
	"testing"
)

// bigBooklet is a booklet of n quote pages: the seed quotes repeated, one
// quote to a page.
func bigBooklet(b *testing.B, n int) *Booklet {
	fx := setup(b)
	bk := fx.booklet(b, "booklet-a5")
	l := *bk.Layout
	flow := *l.Flow
	flow.PerPage = 1
	l.Flow = &flow
	bk.Layout = &l
	bk.Quotes = nil
	for i := 0; i < n; i++ {
		q := fx.qs[i%len(fx.qs)]
		q.ID = fmt.Sprintf("%s-%d", q.ID, i)
		bk.Quotes = append(bk.Quotes, q)
	}
	return bk
}

// BenchmarkBooklet1000 makes a booklet of 1,000 quote pages (plus cover,
// introduction and back), in reading order and imposed.
func BenchmarkBooklet1000(b *testing.B) {
	for _, mode := range []string{Reading, Saddle} {
		b.Run(mode, func(b *testing.B) {
			bk := bigBooklet(b, 1000)
			b.ReportAllocs()
			var made *Made
			for i := 0; i < b.N; i++ {
				var err error
				if made, _, err = bk.Make(mode, "", 0); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(made.PDF))/1e6, "MB")
			b.ReportMetric(float64(made.Sheets), "pdfpages")
		})
	}
}
