package pdftext

// Column detection: a page is read as two columns when a vertical gutter
// near its middle separates words on many rows and is crossed by few.

// findGutter returns the x of a gutter between two columns, or false: a
// vertical band near the middle crossed by few rows, with many rows having
// words on its left and many on its right (columns' baselines need not
// line up).
func findGutter(lines []line) (float64, bool) {
	if len(lines) < 6 {
		return 0, false
	}
	left, right := lines[0].x0, lines[0].x1
	for _, l := range lines {
		left, right = min(left, l.x0), max(right, l.x1)
	}
	width := right - left
	n := len(lines)
	bestX, bestScore := 0.0, 0
	step := max(1, 0.4*width/400) // at most 400 candidates
	for x := left + 0.3*width; x <= left+0.7*width; x += step {
		lefts, rights, crossing := gutterCounts(lines, x)
		side := min(lefts, rights)
		if side < 5 || 4*side < n || 5*crossing > n {
			continue
		}
		if score := side - 4*crossing; score > bestScore {
			bestX, bestScore = x, score
		}
	}
	if bestScore == 0 {
		return 0, false
	}
	return centreGutter(lines, bestX), true
}

// gutterCounts counts the rows not crossing x that have words on its left
// and on its right, and the rows with a word across x.
func gutterCounts(lines []line, x float64) (lefts, rights, crossing int) {
	for _, l := range lines {
		var l0, r0, cross bool
		for _, w := range l.words {
			switch {
			case w.x1 < x:
				l0 = true
			case w.x0 > x:
				r0 = true
			default:
				cross = true
			}
		}
		switch {
		case cross:
			crossing++
		default:
			if l0 {
				lefts++
			}
			if r0 {
				rights++
			}
		}
	}
	return lefts, rights, crossing
}

// centreGutter moves x to the middle of the empty band around it.
func centreGutter(lines []line, x float64) float64 {
	lo, hi := -1e9, 1e9
	for _, l := range lines {
		for _, w := range l.words {
			if w.x0 <= x && w.x1 >= x {
				continue
			}
			if w.x1 < x {
				lo = max(lo, w.x1)
			} else if w.x0 > x && !spans(l, x) {
				hi = min(hi, w.x0)
			}
		}
	}
	if lo < -1e8 || hi > 1e8 {
		return x
	}
	return (lo + hi) / 2
}

func spans(l line, x float64) bool {
	for _, w := range l.words {
		if w.x0 <= x && w.x1 >= x {
			return true
		}
	}
	return false
}

// readingOrder splits rows at the gutter and orders them: runs of split
// rows are read left column then right column; rows across the gutter stay
// where they are.
func readingOrder(lines []line) []line {
	g, ok := findGutter(lines)
	if !ok {
		return lines
	}
	var out, leftRun, rightRun []line
	flushRun := func() {
		out = append(append(out, leftRun...), rightRun...)
		leftRun, rightRun = nil, nil
	}
	for _, l := range lines {
		if spans(l, g) {
			flushRun()
			out = append(out, l)
			continue
		}
		var lw, rw []word
		for _, w := range l.words {
			if w.x1 < g {
				lw = append(lw, w)
			} else {
				rw = append(rw, w)
			}
		}
		if len(lw) > 0 {
			leftRun = append(leftRun, newLine(lw, 1))
		}
		if len(rw) > 0 {
			rightRun = append(rightRun, newLine(rw, 2))
		}
	}
	flushRun()
	return out
}
