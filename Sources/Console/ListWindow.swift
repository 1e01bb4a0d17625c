/// Which items of a long list fit in `rows` lines so that the highlighted one stays visible.
public enum ListWindow {
    /// The visible item indexes; one line is kept for "… more" when the list does not fit.
    public static func range(count: Int, cursor: Int, rows: Int) -> Range<Int> {
        guard count > rows, rows > 1 else { return 0..<min(count, max(rows, 0)) }
        let visible = rows - 1
        let start = min(max(0, cursor - visible / 2), count - visible)
        return start..<(start + visible)
    }

    /// The line under a clipped list: "… 3 more above, 4 below" (nil when everything fits).
    public static func more(count: Int, shown: Range<Int>) -> String? {
        let above = shown.lowerBound, below = count - shown.upperBound
        guard above + below > 0 else { return nil }
        switch (above, below) {
        case (0, _): return "… \(below) more below"
        case (_, 0): return "… \(above) more above"
        default: return "… \(above) more above, \(below) below"
        }
    }
}
