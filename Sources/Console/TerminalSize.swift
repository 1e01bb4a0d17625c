/// The terminal's size in columns and rows.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest terminal the console lays out for.
    public static let minimum = TerminalSize(columns: 80, rows: 24)

    public var isLargeEnough: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }
    public var description: String { "\(columns)×\(rows)" }
}
