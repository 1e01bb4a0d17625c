import Testing
@testable import PollCore

/// Parses `yaml` and returns its problems (fails the test if it parses).
func problems(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [PollFileProblem] {
    do {
        let definition = try PollFileParser.parse(yaml)
        Issue.record("expected problems, parsed \(definition.title)", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.problems
    }
}

/// Whether `list` holds a problem at `line`:`column` whose message contains `fragment`.
func has(_ list: [PollFileProblem], line: Int, column: Int, _ fragment: String) -> Bool {
    list.contains { $0.line == line && $0.column == column && $0.message.contains(fragment) }
}
