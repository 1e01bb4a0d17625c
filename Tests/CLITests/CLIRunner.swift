import Foundation

/// Runs the built `roompoll` binary as a user would, in a scratch folder.
struct CLIRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(whereSeparator: \.isNewline).map(String.init) }
        var errorLines: [String] { stderr.split(whereSeparator: \.isNewline).map(String.init) }
    }

    /// The package root (for polls/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary built next to the test bundle, or `ROOMPOLL_BIN`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ROOMPOLL_BIN"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("roompoll")
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roompoll-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func poll(_ name: String) -> String { Self.root.appendingPathComponent("polls/\(name).yaml").path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Outcome { try run(arguments) }

    /// Runs with `extra` added to the environment and `input` on standard input (default: none).
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Output goes to files, so a large output can never block the child on a full pipe.
        let outPath = path("stdout-\(UUID().uuidString)"), errPath = path("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        if let input {
            let inPath = path("stdin-\(UUID().uuidString)")
            try input.write(toFile: inPath, atomically: true, encoding: .utf8)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
                       stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
}
