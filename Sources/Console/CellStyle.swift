/// How a cell is drawn. Colours are optional: every screen stays readable without them
/// (bold, reverse and underline carry the meaning on monochrome terminals).
public struct CellStyle: Sendable, Hashable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    /// Colours that carry no mood but make the thing work (the QR code's black and white): kept
    /// under `NO_COLOR` whenever the terminal has colours at all.
    public var essential = false

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false,
                reverse: Bool = false, underline: Bool = false, dim: Bool = false, essential: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.essential = essential
    }

    public static let plain = CellStyle()
    public static let bold = CellStyle(bold: true)
    public static let header = CellStyle(reverse: true)
    public static let headerAccent = CellStyle(bold: true, reverse: true)
    public static let muted = CellStyle(dim: true)
    public static let selected = CellStyle(bold: true, reverse: true)
    public static let accent = CellStyle(foreground: .cyan, bold: true)
    public static let opening = CellStyle(foreground: .cyan)
    public static let closing = CellStyle(foreground: .green)
    public static let rise = CellStyle(foreground: .green, bold: true)
    public static let fall = CellStyle(foreground: .red, bold: true)
    public static let error = CellStyle(foreground: .red, bold: true)
    public static let notice = CellStyle(foreground: .yellow, bold: true)
}
