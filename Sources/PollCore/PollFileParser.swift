import Foundation
import Yams

/// Reads a poll file's YAML text into a `PollDefinition`, reporting every problem at once.
///
/// Pure: takes the text, never the file. Values are read as written (`Yes` stays the label
/// "Yes", not a boolean), and every problem carries the line and column it was found at.
public enum PollFileParser {
    static let pollKeys = ["title", "event", "language", "rounds", "pace", "questions"]
    static let questionKeys = ["id", "kind", "ask", "options", "labels", "max", "min", "segment", "rounds"]

    /// Parses `text`; throws `PollFileProblems` listing every problem found.
    public static func parse(_ text: String) throws(PollFileProblems) -> PollDefinition {
        var reader = Reader()
        let definition = reader.poll(text)
        if let definition, reader.problems.isEmpty { return definition }
        throw PollFileProblems(reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
}

/// Collects problems while walking the YAML tree.
private struct Reader {
    var problems: [PollFileProblem] = []

    mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(PollFileProblem(line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    mutating func poll(_ text: String) -> PollDefinition? {
        var text = text
        var root: Node?
        while true {
            do {
                root = try Yams.compose(yaml: text)
                break
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                // Report the repeated key where it repeats, drop that line (and what is nested
                // under it), and read on so that the file's other problems are found too.
                guard let key = keys.first,
                      let (line, column) = Self.repeat(of: key, after: context.mark, in: text) else {
                    problems.append(PollFileProblem(line: context.mark.line, column: context.mark.column,
                                                    message: "`\(keys.first ?? "")` appears twice in this mapping"))
                    return nil
                }
                problems.append(PollFileProblem(line: line, column: column,
                                                message: "`\(key)` appears twice (first on line \(context.mark.line))"))
                text = Self.removing(line: line, indentedUnder: column, from: text)
            } catch {
                problems.append(Self.problem(from: error))
                return nil
            }
        }
        guard let root, !(root.scalar.map { $0.string.isEmpty } ?? false) else {
            report(nil, "the file is empty: a poll needs a `title` and `questions`")
            return nil
        }
        guard let mapping = mapping(root, allowed: PollFileParser.pollKeys, what: "poll") else {
            return nil
        }
        let title = requiredString(mapping, "title", in: root)
        let event = optionalString(mapping, "event")
        let language = optionalString(mapping, "language")
        if let language, language.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) == nil {
            report(mapping["language"], "`language` must be a language tag such as en, fr, ar or zh-Hans")
        }
        let rounds = roundList(mapping["rounds"], declared: nil) ?? PollDefinition.defaultRounds
        var pace = Pace.audience
        if let node = mapping["pace"] {
            if let value = node.scalar?.string, let parsed = Pace(rawValue: value) {
                pace = parsed
            } else {
                report(node, "`pace` must be `audience` or `presenter`")
            }
        }
        var questions: [Question] = []
        if let node = mapping["questions"] {
            if let sequence = node.sequence, !sequence.isEmpty {
                var firstLine: [String: Int] = [:]
                for item in sequence {
                    guard let question = question(item, rounds: rounds) else { continue }
                    if let line = firstLine[question.id] {
                        report(item.mapping?["id"] ?? item, "duplicate question id `\(question.id)` (first used on line \(line))")
                    } else {
                        firstLine[question.id] = item.mapping?["id"]?.mark?.line ?? 0
                        questions.append(question)
                    }
                }
            } else {
                report(node, "`questions` must be a list with at least one question")
            }
        } else {
            report(root, "missing `questions`")
        }
        guard let title else { return nil }
        return PollDefinition(title: title, event: event, language: language, rounds: rounds, pace: pace, questions: questions)
    }

    mutating func question(_ node: Node, rounds: [String]) -> Question? {
        guard let map = mapping(node, allowed: PollFileParser.questionKeys, what: "question") else { return nil }
        let id = requiredString(map, "id", in: node)
        if let id, id.range(of: #"^[A-Za-z0-9][A-Za-z0-9_-]*$"#, options: .regularExpression) == nil {
            report(map["id"], "question id `\(id)` may hold only letters, digits, `-` and `_`")
        }
        let ask = requiredString(map, "ask", in: node)
        var kind: QuestionKind?
        if let kindNode = map["kind"] {
            kind = kindNode.scalar.flatMap { QuestionKind(rawValue: $0.string) }
            if kind == nil {
                let names = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
                report(kindNode, "unknown kind `\(kindNode.scalar?.string ?? "")` (one of: \(names))")
            }
        } else {
            report(node, "missing `kind`")
        }
        let segment = bool(map["segment"], key: "segment") ?? false
        let asked = map["rounds"].map { roundList($0, declared: rounds) ?? rounds } ?? rounds
        guard let kind else { return nil }

        var options: [String] = []
        if let optionsNode = map["options"] {
            if kind.takesOptions {
                options = optionList(optionsNode, key: "options", kind: kind)
            } else {
                let hint = kind == .likert ? " (a likert question names its scale with `labels`)" : ""
                report(map.keys.first { $0.scalar?.string == "options" }, "a \(kind.rawValue) question takes no `options`\(hint)")
            }
        } else if kind.takesOptions {
            report(node, "missing `options` (a \(kind.rawValue) question needs at least two)")
        }
        if let labelsNode = map["labels"] {
            if kind == .likert {
                options = optionList(labelsNode, key: "labels", kind: kind)
            } else {
                report(map.keys.first { $0.scalar?.string == "labels" }, "`labels` is only for likert questions")
            }
        } else if kind == .likert {
            options = Question.defaultLikertLabels
        }

        let max = integer(map["max"], key: "max")
        let min = integer(map["min"], key: "min")
        if map["max"] != nil, kind != .multi, kind != .scale {
            report(map.keys.first { $0.scalar?.string == "max" }, "`max` is only for multi and scale questions")
        }
        if map["min"] != nil, kind != .scale {
            report(map.keys.first { $0.scalar?.string == "min" }, "`min` is only for scale questions")
        }
        if kind == .multi, let max, !options.isEmpty {
            if max > options.count {
                report(map["max"], "`max` is \(max) but the question has only \(options.count) options")
            } else if max < 1 {
                report(map["max"], "`max` must be at least 1")
            }
        }
        if kind == .scale {
            let low = min ?? Question.defaultScaleRange.lowerBound
            let high = max ?? Question.defaultScaleRange.upperBound
            if low >= high {
                report(map["min"] ?? map["max"], "scale `min` (\(low)) must be less than `max` (\(high))")
            } else if high - low > 100 {
                report(map["max"] ?? map["min"], "a scale may span at most 100 steps (this one spans \(high - low))")
            }
        }
        if segment, kind != .single {
            report(map["segment"], "`segment: true` needs a single question (its option groups the participants)")
        }
        guard let id, let ask else { return nil }
        return Question(id: id, kind: kind, ask: ask, options: options,
                        max: kind == .multi || kind == .scale ? max : nil,
                        min: kind == .scale ? min : nil, segment: segment, rounds: asked)
    }

    // MARK: - Node helpers

    mutating func mapping(_ node: Node, allowed: [String], what: String) -> Node.Mapping? {
        guard let map = node.mapping else {
            report(node, "a \(what) must be a mapping of `key: value` lines")
            return nil
        }
        // Repeated keys never get here: Yams refuses them while composing (see `poll`).
        for key in map.keys {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) {
                let hint = Self.closest(to: name, in: allowed).map { " — did you mean `\($0)`?" } ?? ""
                report(key, "unknown key `\(name)` in a \(what)\(hint)")
            }
        }
        return map
    }

    mutating func requiredString(_ map: Node.Mapping, _ key: String, in owner: Node) -> String? {
        guard let node = map[key] else {
            report(owner, "missing `\(key)`")
            return nil
        }
        guard let value = node.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            report(node, "`\(key)` must be non-empty text")
            return nil
        }
        return value
    }

    mutating func optionalString(_ map: Node.Mapping, _ key: String) -> String? {
        guard let node = map[key] else { return nil }
        guard let value = node.scalar?.string else {
            report(node, "`\(key)` must be text")
            return nil
        }
        return value.isEmpty ? nil : value
    }

    mutating func integer(_ node: Node?, key: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Int($0.string) }) else {
            report(node, "`\(key)` must be a whole number")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, key: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            report(node, "`\(key)` must be `true` or `false`")
            return nil
        }
    }

    mutating func optionList(_ node: Node, key: String, kind: QuestionKind) -> [String] {
        guard let items = node.sequence else {
            report(node, "`\(key)` must be a list, e.g. `[Yes, No]`")
            return []
        }
        var labels: [String] = []
        for item in items {
            guard let label = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !label.isEmpty else {
                report(item, "each entry of `\(key)` must be non-empty text")
                continue
            }
            if labels.contains(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) {
                report(item, "`\(label)` is listed twice in `\(key)` (labels are matched ignoring case)")
            } else if kind == .single || kind == .likert, let number = Int(label), number >= 1,
                      number <= items.count, number != labels.count + 1 {
                report(item, "`\(label)` would be read as option number \(number): a number label must match its position")
            } else if kind == .multi, label.contains(";") {
                report(item, "`\(label)`: a multi option may not contain `;` (it joins the choices of one answer)")
            } else if kind == .ranking, label.contains(">") {
                report(item, "`\(label)`: a ranking option may not contain `>` (it joins the order of one answer)")
            } else {
                labels.append(label)
            }
        }
        if items.count < 2 {
            report(node, "`\(key)` needs at least two entries")
        }
        return labels
    }

    /// The list of round names under `node`; each must be declared when `declared` is given.
    mutating func roundList(_ node: Node?, declared: [String]?) -> [String]? {
        guard let node else { return nil }
        guard let items = node.sequence, !items.isEmpty else {
            report(node, "`rounds` must be a list with at least one round, e.g. `[opening, closing]`")
            return nil
        }
        var names: [String] = []
        for item in items {
            guard let name = item.scalar?.string, !name.isEmpty else {
                report(item, "a round name must be text")
                continue
            }
            if let declared, !declared.contains(name) {
                report(item, "round `\(name)` is not declared in the poll's `rounds` (\(declared.joined(separator: ", ")))")
            } else if names.contains(name) {
                report(item, "round `\(name)` is listed twice")
            } else if name.range(of: #"^[a-z][a-z0-9_-]*$"#, options: .regularExpression) == nil {
                report(item, "round name `\(name)` may hold only lower-case letters, digits, `-` and `_`")
            } else {
                names.append(name)
            }
        }
        return names.isEmpty ? nil : names
    }

    /// Where `key` is written again at the same column as its first use, below it.
    static func `repeat`(of key: String, after first: Mark, in text: String) -> (Int, Int)? {
        let lines = text.components(separatedBy: "\n")
        for index in first.line..<lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let start = first.column - 1
            guard start < scalars.count, scalars[..<start].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix(key + " :") { return (index + 1, first.column) }
        }
        return nil
    }

    /// `text` with line `line` blanked, and the lines after it that are indented deeper than `column`.
    static func removing(line: Int, indentedUnder column: Int, from text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[line - 1] = ""
        var next = line
        while next < lines.count {
            let indent = lines[next].prefix { $0 == " " }.count
            let blank = TextCleaner.trimmed(lines[next]).isEmpty
            guard blank || indent >= column else { break }
            lines[next] = ""
            next += 1
        }
        return lines.joined(separator: "\n")
    }

    /// The allowed key nearest to a misspelt one, if it is close enough to be a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(2, name.count / 3) else { return nil }
        return best.0
    }

    static func problem(from error: Error) -> PollFileProblem {
        guard let yaml = error as? YamlError else {
            return PollFileProblem(line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return PollFileProblem(line: mark.line, column: mark.column, message: "YAML syntax error: \(prefix)\(problem)")
        case let .reader(problem, _, _, _):
            return PollFileProblem(line: 1, column: 1, message: "cannot read the file: \(problem)")
        default:
            return PollFileProblem(line: 1, column: 1, message: "YAML error: \(yaml)")
        }
    }
}
