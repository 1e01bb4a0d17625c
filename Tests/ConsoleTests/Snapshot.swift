import Console
import Foundation
import PollCore
import Testing
import TestSupport

/// Compares a rendered screen with its recorded text under `__Snapshots__/NAME.txt`.
/// (See `assertTextSnapshot` for recording.)
func assertSnapshot(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let actual = grid.text + "\n"
    for (row, line) in grid.lines.enumerated() {
        #expect(DisplayWidth.of(line) <= grid.width, "row \(row) is wider than the screen", sourceLocation: sourceLocation)
    }
    assertTextSnapshot(actual, named: "\(name).txt", in: folder, sourceLocation: sourceLocation)
}
