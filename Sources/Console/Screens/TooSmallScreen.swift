import PollCore

/// Shown instead of a squeezed layout when the terminal is below 80×24.
enum TooSmallScreen {
    static func draw(_ size: TerminalSize, into grid: inout CellGrid) {
        let lines = [("terminal too small (needs 80×24)", CellStyle.bold),
                     ("now \(size.columns)×\(size.rows) — enlarge the window or shrink the font", .plain),
                     ("q quits", .muted)]
        let wrapped = lines.flatMap { text, style in DisplayWidth.wrap(text, size.columns).map { ($0, style) } }
        var y = max(0, (size.rows - wrapped.count) / 2)
        for (line, style) in wrapped {
            grid.center(line, y: y, style: style)
            y += 1
        }
    }
}
