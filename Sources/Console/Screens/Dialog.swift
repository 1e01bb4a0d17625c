import PollCore

/// A boxed message in the middle of the screen.
enum Dialog {
    static func draw(_ lines: [String], title: String, into grid: inout CellGrid) {
        let inner = min(grid.width - 6, max(DisplayWidth.of(title) + 4, lines.map(DisplayWidth.of).max() ?? 0))
        let height = lines.count + 2
        let x = (grid.width - inner - 4) / 2, y = max(1, (grid.height - height) / 2)
        let border = CellStyle.bold
        grid.put("┌─ " + title + " " + String(repeating: "─", count: max(0, inner - DisplayWidth.of(title) - 1)) + "┐", x: x, y: y, style: border)
        for (offset, line) in lines.enumerated() {
            grid.put("│ " + DisplayWidth.fit(line, inner) + " │", x: x, y: y + 1 + offset, style: .plain)
            grid.put("│", x: x, y: y + 1 + offset, style: border)
            grid.put("│", x: x + inner + 3, y: y + 1 + offset, style: border)
        }
        grid.put("└" + String(repeating: "─", count: inner + 2) + "┘", x: x, y: y + height - 1, style: border)
    }
}
