import Foundation

/// A real terminal for end-to-end tests: a detached tmux session on its own server socket,
/// driven with send-keys and read with capture-pane, as a person would see it.
final class TmuxSession {
    let socket = "roompoll-test-\(UUID().uuidString.prefix(8))"
    let name = "e2e"

    /// Starts `command` (run by sh) in a `columns`×`rows` terminal.
    init(_ command: String, columns: Int = 100, rows: Int = 30) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command], readOutput: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Runs one tmux command on this test's server. The command that starts the server must
    /// not read its output, and every descriptor above stderr is closed before tmux starts:
    /// the server lives on and would otherwise keep this process's pipes (and Foundation's
    /// child-exit monitor) open, so waiting for the tmux client would never end.
    @discardableResult
    func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let closeInherited = #"for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done; exec tmux "$@""#
        process.arguments = ["-c", closeInherited, "sh", "-L", socket] + arguments
        let pipe = Pipe()
        process.standardOutput = readOutput ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = readOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Presses keys (tmux key names such as Enter, C-x, Left), one send-keys each.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen shows `text`; returns the screen, or throws after `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw TmuxTimeout(expected: text, screen: last)
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    let expected: String
    let screen: String
    var description: String { "timed out waiting for “\(expected)”; the screen was:\n\(screen)" }
}
