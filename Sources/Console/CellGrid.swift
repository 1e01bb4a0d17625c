import PollCore

/// A screen's worth of cells. Screens draw into a grid; the terminal backend diffs two grids
/// and writes only the cells that changed. Text is measured as curses measures it, so wide
/// characters (CJK, emoji) take two cells and combining marks none.
public struct CellGrid: Sendable, Hashable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.columns * size.rows))
    }

    public var width: Int { size.columns }
    public var height: Int { size.rows }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Draws `text` from column `x` on row `y`, clipped at `limit` columns (default: the right
    /// edge). Returns the number of columns used. A wide character that does not fit is not
    /// drawn half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A combining mark or zero-width character joins the cell before it.
                if column > x, column - 1 >= 0 {
                    var base = column - 1
                    while base > 0, self[base, y].isContinuation { base -= 1 }
                    self[base, y].text.append(character)
                }
                continue
            }
            guard column + w <= end else { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(text: String(character), style: style)
                for extra in 1..<max(1, w) where column + extra < width {
                    clearWide(at: column + extra, y: y)
                    self[column + extra, y] = Cell(text: "", style: style)
                }
            }
            column += w
        }
        return column - x
    }

    /// Draws `text` centred on row `y`.
    public mutating func center(_ text: String, y: Int, style: CellStyle = .plain) {
        let w = DisplayWidth.of(text)
        put(text, x: max(0, (width - w) / 2), y: y, style: style)
    }

    /// Fills a row segment with spaces in `style` (e.g. a header bar).
    public mutating func fill(y: Int, from x: Int = 0, to end: Int? = nil, style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) {
            clearWide(at: column, y: y)
            self[column, y] = Cell(text: " ", style: style)
        }
    }

    /// Draws wrapped text from row `y` within `width` columns, at most `maxLines` lines.
    /// Returns the number of rows used.
    @discardableResult
    public mutating func paragraph(_ text: String, x: Int, y: Int, width columns: Int, maxLines: Int = .max,
                                   style: CellStyle = .plain) -> Int {
        var lines = DisplayWidth.wrap(text, columns)
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = DisplayWidth.trimTrailing(DisplayWidth.fit(lines[maxLines - 1] + " …", columns))
        }
        for (offset, line) in lines.enumerated() { put(line, x: x, y: y + offset, style: style, limit: columns) }
        return lines.count
    }

    /// Overwriting half of a wide character blanks its other half, as a terminal would.
    private mutating func clearWide(at x: Int, y: Int) {
        if self[x, y].isContinuation, x > 0 {
            var base = x - 1
            while base > 0, self[base, y].isContinuation { base -= 1 }
            self[base, y] = Cell(text: " ", style: self[base, y].style)
            for column in (base + 1)..<x { self[column, y] = Cell(text: " ", style: self[column, y].style) }
        }
        var next = x + 1
        while next < width, self[next, y].isContinuation {
            self[next, y] = Cell(text: " ", style: self[next, y].style)
            next += 1
        }
    }

    /// The grid as text, one line per row, trailing spaces removed (for snapshots and tests).
    public var lines: [String] {
        (0..<height).map { y in
            DisplayWidth.trimTrailing((0..<width).map { self[$0, y].text }.joined())
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
