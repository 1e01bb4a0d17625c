import Foundation

/// Writes a line to standard output at once (not buffered: `serve` may run for hours under
/// a supervisor that reads its output).
func say(_ text: String) {
    // A reader that went away (a closed pipe) is not worth crashing for.
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes `text` to `path`, or to standard output when `path` is nil.
func write(_ text: String, to path: String?) throws {
    guard let path else {
        print(text, terminator: "")
        return
    }
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw CLIError("cannot write \(path): \((error as NSError).localizedDescription)")
    }
}

/// "1 answer", "2 answers".
func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
}
