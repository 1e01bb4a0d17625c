import Foundation
import PollCore

// Everything the command line writes goes through these. Messages always, and data when it
// goes to a terminal, pass through `TerminalText.safe`: a poll title or an answer holding
// terminal escapes is shown, never obeyed.

/// Writes a line to standard output at once (not buffered: `serve` may run for hours under
/// a supervisor that reads its output).
func say(_ text: String, terminator: String = "\n") {
    // A reader that went away (a closed pipe) is not worth crashing for.
    try? FileHandle.standardOutput.write(contentsOf: Data((TerminalText.safe(text) + terminator).utf8))
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
}

/// Writes `text` to `path`, or to standard output when `path` is nil (made safe when that
/// is a terminal; data piped or written to a file is written as it is).
func write(_ text: String, to path: String?) throws {
    guard let path else {
        let text = isatty(STDOUT_FILENO) == 1 ? TerminalText.safe(text) : text
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
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
