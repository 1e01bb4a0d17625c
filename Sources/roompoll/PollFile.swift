import ArgumentParser
import Foundation
import PollCore

/// A poll file read from disk and parsed.
struct PollFile {
    let path: String
    let source: String
    let definition: PollDefinition

    /// The file name without folder and extension, used to name sessions.
    var stem: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// Reads and parses `path`; throws `PollFileError` with every problem as `file:line:column: message`.
    static func load(_ path: String) throws(PollFileError) -> PollFile {
        let data: Data
        do {
            // Read no more than a poll may hold: a huge file (or /dev/zero) is refused, not read whole.
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: PollFileParser.Limits.fileBytes + 1) ?? Data()
            if data.count > PollFileParser.Limits.fileBytes {
                throw PollFileError(text: "\(path):1:1: the file is larger than \(PollFileParser.Limits.fileBytes / 1024) KiB: "
                                    + "a poll has at most \(PollFileParser.Limits.questions) questions")
            }
        } catch let error as PollFileError {
            throw error
        } catch {
            throw PollFileError(text: "\(path): cannot read the file: \((error as NSError).localizedDescription)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw PollFileError(text: "\(path):1:1: the file is not UTF-8 text")
        }
        do {
            return PollFile(path: path, source: source, definition: try PollFileParser.parse(source))
        } catch {
            throw PollFileError(text: error.located(in: path))
        }
    }
}

extension PollFile {
    /// Loads `path` for a command: on a problem, prints every one of them and fails the command.
    static func loadOrFail(_ path: String) throws -> PollFile {
        do {
            return try load(path)
        } catch {
            printError(error.text)
            throw ExitCode.failure
        }
    }
}

/// A poll file that cannot be used, with every problem on its own line.
struct PollFileError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
