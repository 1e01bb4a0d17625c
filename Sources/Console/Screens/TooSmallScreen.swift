/// Shown instead of a squeezed layout when the terminal is below 80×24.
enum TooSmallScreen {
    static func draw(_ size: TerminalSize, into grid: inout CellGrid) {
        let middle = max(0, size.rows / 2 - 1)
        grid.center("terminal too small (needs 80×24)", y: middle, style: .bold)
        grid.center("now \(size.columns)×\(size.rows) — enlarge the window or shrink the font", y: middle + 1)
        grid.center("q quits", y: middle + 2, style: .muted)
    }
}
