/// Something wrong in a poll file, with the place it was found.
public struct PollFileProblem: Sendable, Hashable, Error, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// The compiler-style form `file:line:column: message`.
    public func located(in file: String) -> String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found in one poll file (never empty).
public struct PollFileProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [PollFileProblem]

    public init(_ problems: [PollFileProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }

    public func located(in file: String) -> String {
        problems.map { $0.located(in: file) }.joined(separator: "\n")
    }
}
