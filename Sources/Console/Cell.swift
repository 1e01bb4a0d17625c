/// One terminal cell: a grapheme cluster (or nothing, for the right half of a wide character)
/// and its style.
public struct Cell: Sendable, Hashable {
    /// The text drawn in this cell; empty for the second column of a wide character.
    public var text: String
    public var style: CellStyle

    public init(text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character: drawn by the cell to its left.
    public var isContinuation: Bool { text.isEmpty }
}
