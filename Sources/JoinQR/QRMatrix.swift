import CQRencode

/// A QR code as a square of dark and light modules, made with libqrencode.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side (without the quiet zone).
    public let size: Int
    /// Row by row, `true` = dark.
    public let modules: [Bool]

    /// Encodes `text` (8-bit, medium error correction: readable from a projected wall even
    /// with a little glare). Nil if the text is too long for a QR code.
    public init?(_ text: String) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        modules = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public subscript(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// The code as text lines using half blocks (two module rows per line), with a quiet zone
    /// of `margin` modules. Light modules are drawn as blocks and dark ones as spaces, so the
    /// code reads correctly as light-on-dark on a terminal.
    public func halfBlockLines(margin: Int = 2) -> [String] {
        let range = -margin..<(size + margin)
        var lines: [String] = []
        for y in stride(from: -margin, to: size + margin, by: 2) {
            var line = ""
            for x in range {
                let top = !self[x, y], bottom = y + 1 < size + margin ? !self[x, y + 1] : false
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(line)
        }
        return lines
    }

    /// The code as an SVG image (one path of dark squares on a white quiet zone of `margin`
    /// modules), for web pages. `label` (the image's accessible name) must be escaped for HTML.
    /// `small`: drawn smaller on the page (class `qr small`), beside other content.
    public func svg(margin: Int = 4, label: String, small: Bool = false) -> String {
        let side = size + 2 * margin
        var path = ""
        for y in 0..<size {
            for x in 0..<size where self[x, y] { path += "M\(x + margin) \(y + margin)h1v1h-1z" }
        }
        return "<svg class=\"qr\(small ? " small" : "")\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" aria-label=\"\(label)\" "
            + "shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
