import Console
import Foundation
import PollCore
import Testing

/// Compares a rendered screen with its recorded text under `__Snapshots__/NAME.txt`.
/// A missing snapshot is recorded and the test fails so that it gets looked at; with
/// `RECORD_SNAPSHOTS=1` every snapshot is (re)recorded without failing.
func assertSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = grid.text + "\n"
    for (row, line) in grid.lines.enumerated() {
        #expect(DisplayWidth.of(line) <= grid.width, "row \(row) is wider than the screen", sourceLocation: sourceLocation)
    }
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if !record, let expected = try? String(contentsOf: file, encoding: .utf8) {
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    if !record { Issue.record("recorded a new snapshot \(name); check it and run again", sourceLocation: sourceLocation) }
}
