import Foundation
import Testing

/// Compares `actual` with its recorded text in `folder/NAME`. A missing snapshot is recorded
/// and the test fails so that it gets looked at; with `RECORD_SNAPSHOTS=1` every snapshot is
/// (re)recorded without failing.
public func assertTextSnapshot(_ actual: String, named name: String, in folder: URL,
                               sourceLocation: SourceLocation = #_sourceLocation) {
    let file = folder.appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if !record, let expected = try? String(contentsOf: file, encoding: .utf8) {
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
        return
    }
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    if !record { Issue.record("recorded a new snapshot \(name); check it and run again", sourceLocation: sourceLocation) }
}
