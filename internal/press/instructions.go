package press

// SaddleInstructions says how to print a booklet imposed for saddle
// stitching; the command line and the studio both show it.
const SaddleInstructions = "To print: double-sided, flip on short edge, actual size (100%); keep the sheets in order, fold the stack in half and staple on the fold."

// PrintShopInstructions goes with the print-shop booklet.
const PrintShopInstructions = "For a print shop: trim-size pages with 3 mm bleed and crop marks, fonts embedded; send the PDF as it is."

// ReadingInstructions goes with the booklet in reading order.
const ReadingInstructions = "Pages in reading order, for reading on screen or for a print shop that imposes the booklet itself."

// PlacardInstructions goes with placards.
const PlacardInstructions = "To print: single-sided, actual size (100%), on the heaviest paper the printer takes; mount on card to carry."
