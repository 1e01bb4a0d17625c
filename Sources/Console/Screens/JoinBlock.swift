import PollCore

/// Where the join QR code goes on a screen, drawn the one way every screen draws it: light
/// modules as white blocks on black, in explicit colours, so that the code reads the same on
/// a light and on a dark terminal (a terminal's default colours would invert it on a light one).
/// The colours are essential: `NO_COLOR` keeps them. A terminal without any colour draws the
/// code in its own colours, which reads as drawn on a dark background.
enum JoinBlock {
    static let style = CellStyle(foreground: .white, background: .black, essential: true)

    /// Draws the QR code at the right of `area`, from row `top`, when it fits beside `keep`
    /// columns of other content; returns the area left for that content.
    @discardableResult
    static func drawQR(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect, top: Int, keep: Int) -> Rect {
        let width = model.joinQR.first.map(DisplayWidth.of) ?? 0
        guard width > 0, area.width - width - 2 >= keep, top + model.joinQR.count <= area.bottom else { return area }
        for (offset, line) in model.joinQR.enumerated() {
            grid.put(line, x: area.x + area.width - width, y: top + offset, style: style)
        }
        var rest = area
        rest.width -= width + 2
        return rest
    }
}
