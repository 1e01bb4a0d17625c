import PollCore

/// A plain text table with columns aligned by display width.
struct Table {
    let header: [String]
    let rows: [[String]]
    let maxWidths: [Int]

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            min(all.map { DisplayWidth.of($0[column]) }.max() ?? 0, maxWidths[column])
        }
        return all.map { row in
            DisplayWidth.trimTrailing(row.indices.map { DisplayWidth.fit(row[$0], widths[$0]) }.joined(separator: "  "))
        }.joined(separator: "\n")
    }
}
