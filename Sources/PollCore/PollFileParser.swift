import Foundation
import Yams

/// Reads a poll file's YAML text into a `PollDefinition`, reporting every problem at once.
///
/// Pure: takes the text, never the file. Values are read as written (`Yes` stays the label
/// "Yes", not a boolean), and every problem carries the line and column it was found at.
public enum PollFileParser {
    static let pollKeys = ["title", "event", "language", "languages", "rounds", "pace", "questions", "qa", "results-on-phones", "agenda",
                           "knowledge"]
    static let agendaKeys = ["part", "minutes", "opens"]
    static let qaKeys = ["moderation", "place", "room"]
    static let questionKeys = ["id", "kind", "ask", "options", "labels", "max", "min", "segment", "rounds", "correct", "knowledge"]

    /// Limits that keep `check` fast on any file and every screen readable.
    public enum Limits {
        public static let fileBytes = 1 << 20
        public static let questions = 200
        public static let options = 100
        public static let rounds = 20
        /// Characters of a title, an event line, a prompt, a label; of an id or round name.
        public static let title = 200, event = 300, ask = 1_000, label = 200, id = 64
        /// Whole numbers in a poll file (`min`, `max`) lie within ±this.
        public static let number = 1_000_000
        /// Repeated keys reported before `check` stops looking for more.
        public static let repeatedKeys = 10
    }

    /// Parses `text`; throws `PollFileProblems` listing every problem found.
    public static func parse(_ text: String) throws(PollFileProblems) -> PollDefinition {
        guard text.utf8.count <= Limits.fileBytes else {
            throw PollFileProblems([PollFileProblem(line: 1, column: 1, message:
                "the file is larger than \(Limits.fileBytes / 1024) KiB: a poll has at most \(Limits.questions) questions")])
        }
        var reader = PollFileReader()
        let definition = reader.poll(text)
        if let definition, reader.problems.isEmpty { return definition }
        // The same node reached twice (a YAML alias) would report its problem twice: once is enough.
        var seen: Set<PollFileProblem> = []
        let problems = reader.problems.filter { seen.insert($0).inserted }
        throw PollFileProblems(problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
}

/// Collects problems while walking the YAML tree.
struct PollFileReader {
    var problems: [PollFileProblem] = []
    /// A translated poll's languages, main first; empty: one language (text is plain strings).
    var languages: [String] = []
    /// The poll's one language when it is not translated (`language:`).
    var singleLanguage: String?

    mutating func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(PollFileProblem(line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    mutating func poll(_ text: String) -> PollDefinition? {
        var text = text
        var root: Node?
        var repeats = 0
        while true {
            do {
                root = try Yams.compose(yaml: text)
                break
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                // Each repeat costs a read of the whole file: after a few, stop and say so.
                repeats += 1
                guard repeats <= PollFileParser.Limits.repeatedKeys else {
                    problems.append(PollFileProblem(line: context.mark.line, column: context.mark.column, message:
                        "more keys appear twice; fix the \(PollFileParser.Limits.repeatedKeys) above and check again"))
                    return nil
                }
                // Report the repeated key where it repeats, drop that line (and what is nested
                // under it), and read on so that the file's other problems are found too.
                guard let key = keys.first,
                      let (line, column) = Self.repeat(of: key, after: context.mark, in: text) else {
                    problems.append(PollFileProblem(line: context.mark.line, column: context.mark.column,
                                                    message: "`\(Self.short(keys.first ?? ""))` appears twice in this mapping"))
                    return nil
                }
                problems.append(PollFileProblem(line: line, column: column,
                                                message: "`\(Self.short(key))` appears twice (first on line \(context.mark.line))"))
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
        var language = optionalString(mapping, "language", limit: 35)
        if let tag = language, let problem = LanguageTag.problem(tag) {
            report(mapping["language"], "`language`: \(problem)")
            language = nil
        }
        singleLanguage = language
        if let node = mapping["languages"] {
            languages = languageList(node, language: language, languageNode: mapping["language"])
            language = languages.first ?? language
        }
        let title = translatedText(mapping, "title", in: root, limit: PollFileParser.Limits.title)
        let event = translatedText(mapping, "event", in: root, limit: PollFileParser.Limits.event, lineBreaks: true, required: false)
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
            if let sequence = node.sequence, sequence.count > PollFileParser.Limits.questions {
                report(node, "a poll has at most \(PollFileParser.Limits.questions) questions (this one has \(sequence.count))")
            } else if let sequence = node.sequence, !sequence.isEmpty {
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
        knowledgeCheck(mapping["knowledge"], questions: &questions)
        let qa = mapping["qa"].flatMap { qandA($0, questions: questions) }
        let resultsOnPhones = bool(mapping["results-on-phones"], key: "results-on-phones")
        let agenda = mapping["agenda"].flatMap { agendaParts($0, rounds: rounds) }
        guard let title else { return nil }
        var poll = PollDefinition(title: title.main, event: event?.main, language: language, rounds: rounds, pace: pace,
                                  questions: questions, qa: qa)
        poll.resultsOnPhones = resultsOnPhones
        poll.agenda = agenda
        if languages.count > 1 {
            poll.languages = languages
            poll.translations = Dictionary(uniqueKeysWithValues: languages.dropFirst().compactMap { tag in
                title.others[tag].map { (tag, PollText(title: $0, event: event?.others[tag])) }
            })
        }
        return poll
    }

    /// `agenda:` — a list of `{part: NAME, minutes: N, opens: ROUND}` (`opens` optional; a round
    /// is opened by at most one part).
    mutating func agendaParts(_ node: Node, rounds: [String]) -> [AgendaPart]? {
        guard let items = node.sequence, !items.isEmpty else {
            report(node, "`agenda` must be a list of parts, e.g. `- {part: Discussion, minutes: 40}`")
            return nil
        }
        guard items.count <= 50 else {
            report(node, "an agenda has at most 50 parts")
            return nil
        }
        var parts: [AgendaPart] = []
        var opened: Set<String> = []
        for item in items {
            guard let map = mapping(item, allowed: PollFileParser.agendaKeys, what: "part of the agenda") else { continue }
            let name = requiredString(map, "part", in: item, limit: 80)
            var minutes: Int?
            if let node = map["minutes"] {
                minutes = integer(node, key: "minutes")
                if let value = minutes, !(1...600).contains(value) {
                    report(node, "`minutes` must be from 1 to 600")
                    minutes = nil
                }
            } else {
                report(item, "missing `minutes`")
            }
            var opens: String?
            if let node = map["opens"] {
                let round = node.scalar?.string ?? ""
                if !rounds.contains(round) {
                    report(node, "`opens` must name a round of this poll (\(rounds.joined(separator: ", ")))")
                } else if !opened.insert(round).inserted {
                    report(node, "round `\(round)` is opened by an earlier part already")
                } else {
                    opens = round
                }
            }
            if let name, let minutes { parts.append(AgendaPart(name: name, minutes: minutes, opens: opens)) }
        }
        return parts
    }

    /// `qa: on`, `qa: off`, or `qa: {moderation: on|off, place: QUESTION, room: OPTION}`.
    mutating func qandA(_ node: Node, questions: [Question]) -> QandASettings? {
        if node.scalar != nil { return onOff(node, key: "qa") == true ? QandASettings() : nil }
        guard let map = mapping(node, allowed: PollFileParser.qaKeys, what: "`qa` setting") else { return nil }
        var settings = QandASettings()
        if let moderation = map["moderation"] { settings.moderation = onOff(moderation, key: "moderation") ?? true }
        if let room = map["room"], map["place"] == nil {
            report(room, "`room` names the option of the `place` question that means the room: give `place` too")
        }
        guard let placeNode = map["place"] else { return settings }
        guard let id = placeNode.scalar?.string, let question = questions.first(where: { $0.id == id }) else {
            report(placeNode, "`place` must name a question of this poll (a single-choice segment question such as `where`)")
            return settings
        }
        guard question.kind == .single, question.segment else {
            report(placeNode, "`place` must name a single-choice question with `segment: true`; `\(Self.short(id))` is not one")
            return settings
        }
        var roomOption = 0
        if let roomNode = map["room"] {
            let label = roomNode.scalar?.string ?? ""
            guard let index = question.options.firstIndex(where: { $0.caseInsensitiveCompare(label) == .orderedSame })
                    ?? Int(label).flatMap({ (1...question.options.count).contains($0) ? $0 - 1 : nil }) else {
                report(roomNode, "`room` must be one of the options of `\(Self.short(id))`: \(question.options.map { Self.short($0) }.joined(separator: ", "))")
                return settings
            }
            roomOption = index
        }
        settings.place = QandASettings.Place(question: id, roomOption: roomOption)
        return settings
    }

    /// `on`/`true` or `off`/`false`.
    mutating func onOff(_ node: Node, key: String) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "on", "true", "yes": return true
        case "off", "false", "no": return false
        default:
            report(node, "`\(key)` must be `on` or `off`")
            return nil
        }
    }

    mutating func question(_ node: Node, rounds: [String]) -> Question? {
        guard let map = mapping(node, allowed: PollFileParser.questionKeys, what: "question") else { return nil }
        let id = requiredString(map, "id", in: node, limit: PollFileParser.Limits.id)
        if let id, id.range(of: #"^[A-Za-z0-9][A-Za-z0-9_-]*$"#, options: .regularExpression) == nil {
            report(map["id"], "question id `\(Self.short(id))` may hold only letters, digits, `-` and `_`")
        }
        let ask = translatedText(map, "ask", in: node, limit: PollFileParser.Limits.ask, lineBreaks: true)
        var kind: QuestionKind?
        if let kindNode = map["kind"] {
            kind = kindNode.scalar.flatMap { QuestionKind(rawValue: $0.string) }
            if kind == nil {
                let names = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")
                report(kindNode, "unknown kind `\(Self.short(kindNode.scalar?.string ?? ""))` (one of: \(names))")
            }
        } else {
            report(node, "missing `kind`")
        }
        let segment = bool(map["segment"], key: "segment") ?? false
        let asked = map["rounds"].map { roundList($0, declared: rounds) ?? rounds } ?? rounds
        guard let kind else { return nil }

        var options = Translated<[String]>(main: [], others: [:])
        if let optionsNode = map["options"] {
            if kind.takesOptions {
                options = translatedOptions(optionsNode, key: "options", kind: kind)
            } else {
                let hint = kind == .likert ? " (a likert question names its scale with `labels`)" : ""
                report(map.keys.first { $0.scalar?.string == "options" }, "a \(kind.rawValue) question takes no `options`\(hint)")
            }
        } else if kind.takesOptions {
            report(node, "missing `options` (a \(kind.rawValue) question needs at least two)")
        }
        if let labelsNode = map["labels"] {
            if kind == .likert {
                options = translatedOptions(labelsNode, key: "labels", kind: kind)
            } else {
                report(map.keys.first { $0.scalar?.string == "labels" }, "`labels` is only for likert questions")
            }
        } else if kind == .likert {
            options = agreeScale(at: node)
        }

        let max = integer(map["max"], key: "max")
        let min = integer(map["min"], key: "min")
        if map["max"] != nil, kind != .multi, kind != .scale {
            report(map.keys.first { $0.scalar?.string == "max" }, "`max` is only for multi and scale questions")
        }
        if map["min"] != nil, kind != .scale {
            report(map.keys.first { $0.scalar?.string == "min" }, "`min` is only for scale questions")
        }
        if kind == .multi, let max, !options.main.isEmpty {
            if max > options.main.count {
                report(map["max"], "`max` is \(max) but the question has only \(options.main.count) options")
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
        var question = Question(id: id, kind: kind, ask: ask.main, options: options.main,
                                max: kind == .multi || kind == .scale ? max : nil,
                                min: kind == .scale ? min : nil, segment: segment, rounds: asked)
        if languages.count > 1 {
            question.translations = Dictionary(uniqueKeysWithValues: languages.dropFirst().compactMap { tag in
                ask.others[tag].map { (tag, QuestionText(ask: $0, options: options.others[tag] ?? [])) }
            })
        }
        if let node = map["correct"] { question.correct = correctOptions(node, of: question) }
        if let node = map["knowledge"] {
            question.knowledge = bool(node, key: "knowledge")
            if question.knowledge == true, map["correct"] == nil {
                report(node, "a knowledge question needs `correct:` (the option that is right)")
            }
        }
        return question
    }

    // MARK: - Node helpers

    mutating func mapping(_ node: Node, allowed: [String], what: String) -> Node.Mapping? {
        guard let map = node.mapping else {
            report(node, "a \(what) must be a mapping of `key: value` lines")
            return nil
        }
        // Repeated keys never get here: Yams refuses them while composing (see `poll`).
        for key in map.keys {
            guard let name = key.scalar?.string else {
                report(key, "a key in a \(what) must be a plain word such as `\(allowed[0])`, not a list or a mapping")
                continue
            }
            if !allowed.contains(name) {
                let hint = name.count > 40 ? "" : Self.closest(to: name, in: allowed).map { " — did you mean `\($0)`?" } ?? ""
                report(key, "unknown key `\(Self.short(name))` in a \(what)\(hint)")
            }
        }
        return map
    }

    mutating func requiredString(_ map: Node.Mapping, _ key: String, in owner: Node, limit: Int,
                                 lineBreaks: Bool = false) -> String? {
        guard let node = map[key] else {
            report(owner, "missing `\(key)`")
            return nil
        }
        guard let value = node.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            report(node, "`\(key)` must be non-empty text")
            return nil
        }
        return text(value, key: key, at: node, limit: limit, lineBreaks: lineBreaks)
    }

    mutating func optionalString(_ map: Node.Mapping, _ key: String, limit: Int, lineBreaks: Bool = false) -> String? {
        guard let node = map[key] else { return nil }
        guard let value = node.scalar?.string else {
            report(node, "`\(key)` must be text")
            return nil
        }
        return value.isEmpty ? nil : text(value, key: key, at: node, limit: limit, lineBreaks: lineBreaks)
    }

    /// `value` if it is printable and short enough, else nil with a problem reported. With
    /// `lineBreaks`, the lines of a multi-line value are joined with spaces (as YAML's `>` does).
    mutating func text(_ value: String, key: String, at node: Node, limit: Int, lineBreaks: Bool = false) -> String? {
        let joined = lineBreaks ? value.split(whereSeparator: \.isNewline).map { TextCleaner.trimmed(String($0)) }.joined(separator: " ") : value
        if let control = joined.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let name = String(control.value, radix: 16, uppercase: true)
            report(node, "`\(key)` holds a control character (U+\(String(repeating: "0", count: max(0, 4 - name.count)) + name)), "
                   + "which could not be shown or stored safely: remove it")
            return nil
        }
        guard joined.count <= limit else {
            report(node, "`\(key)` is \(joined.count) characters long; at most \(limit) fit on a screen")
            return nil
        }
        return joined
    }

    mutating func integer(_ node: Node?, key: String) -> Int? {
        guard let node else { return nil }
        let bound = PollFileParser.Limits.number
        guard let value = node.scalar.flatMap({ Int($0.string) }), (-bound...bound).contains(value) else {
            report(node, "`\(key)` must be a whole number from -\(bound) to \(bound)")
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
        guard items.count <= PollFileParser.Limits.options else {
            report(node, "`\(key)` has \(items.count) entries; a question has at most \(PollFileParser.Limits.options)")
            return []
        }
        var labels: [String] = []
        var folded: Set<String> = []   // labels as answers match them: ignoring case, as `caseInsensitiveCompare` does
        for item in items {
            guard let scalar = item.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !scalar.isEmpty else {
                report(item, "each entry of `\(key)` must be non-empty text")
                continue
            }
            guard let label = text(scalar, key: key, at: item, limit: PollFileParser.Limits.label) else { continue }
            if !folded.insert(label.folding(options: .caseInsensitive, locale: nil)).inserted {
                report(item, "`\(Self.short(label))` is listed twice in `\(key)` (labels are matched ignoring case)")
            } else if kind == .single || kind == .likert, let number = Int(label), number >= 1,
                      number <= items.count, number != labels.count + 1 {
                report(item, "`\(label)` would be read as option number \(number): a number label must match its position")
            } else if kind == .multi, label.unicodeScalars.contains(";") {
                report(item, "`\(Self.short(label))`: a multi option may not contain `;` (it joins the choices of one answer)")
            } else if kind == .ranking, label.unicodeScalars.contains(">") {
                report(item, "`\(Self.short(label))`: a ranking option may not contain `>` (it joins the order of one answer)")
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
        guard items.count <= PollFileParser.Limits.rounds else {
            report(node, "a poll has at most \(PollFileParser.Limits.rounds) rounds")
            return nil
        }
        var names: [String] = []
        for item in items {
            guard let name = item.scalar?.string, !name.isEmpty else {
                report(item, "a round name must be text")
                continue
            }
            if name.count > PollFileParser.Limits.id {
                report(item, "round name `\(Self.short(name))` is longer than \(PollFileParser.Limits.id) characters")
            } else if let declared, !declared.contains(name) {
                report(item, "round `\(Self.short(name))` is not declared in the poll's `rounds` (\(declared.joined(separator: ", ")))")
            } else if names.contains(name) {
                report(item, "round `\(name)` is listed twice")
            } else if name.range(of: #"^[a-z][a-z0-9_-]*$"#, options: .regularExpression) == nil {
                report(item, "round name `\(Self.short(name))` may hold only lower-case letters, digits, `-` and `_`")
            } else {
                names.append(name)
            }
        }
        return names.isEmpty ? nil : names
    }

    /// Where `key` is written again at the same column as its first use, below it.
    static func `repeat`(of key: String, after first: Mark, in text: String) -> (Int, Int)? {
        let lines = yamlLines(text)
        guard first.line >= 1, first.line < lines.count else { return nil }
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
        var lines = yamlLines(text)
        guard line >= 1, line <= lines.count else { return text }
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

    /// `text`'s lines as YAML counts them: a break is CR LF, CR, LF, NEL, LS or PS.
    static func yamlLines(_ text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                fallthrough
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(String(line))
                line = String.UnicodeScalarView()
            default:
                line.append(scalar)
            }
        }
        lines.append(String(line))
        return lines
    }

    /// `text` as quoted in a message: at most 40 characters, cut with `…`.
    static func short(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }

    /// The allowed key nearest to a misspelt one, if it is close enough to be a typo.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(2, name.count / 3) else { return nil }
        return best.0
    }

    /// libyaml's words for the mistakes people make most, said plainly; nil for the others.
    static func plainWords(_ problem: String, at mark: Mark, in text: String) -> String? {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(max(0, mark.line - 1)).first.map(String.init) ?? ""
        let at = line.unicodeScalars.dropFirst(max(0, mark.column - 1)).first
        if at == "\t" || (problem.contains("tab") && line.contains("\t")) {
            return "a tab is used for indentation here: indent with spaces (YAML does not allow tabs)"
        }
        if at == "\u{FEFF}" {
            return "a stray byte-order mark (U+FEFF) is here, e.g. from saving the file twice as \"UTF-8 with BOM\": remove it"
        }
        if problem.contains("found unknown anchor") || problem.contains("found undefined alias") {
            return "`*` names an anchor (`&name`) that is not defined above: define it, or quote the text"
        }
        if problem.contains("mapping values are not allowed") {
            return "a `:` followed by a space starts a key here: put the text in quotes (\"…\")"
        }
        return nil
    }

    static func problem(from error: Error) -> PollFileProblem {
        guard let yaml = error as? YamlError else {
            return PollFileProblem(line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        switch yaml {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            if let plain = plainWords(problem, at: mark, in: yaml) {
                return PollFileProblem(line: mark.line, column: mark.column, message: plain)
            }
            let prefix = context.map { "\($0.text) " } ?? ""
            return PollFileProblem(line: mark.line, column: mark.column, message: "YAML syntax error: \(prefix)\(problem)")
        case let .reader(problem, _, _, _):
            return PollFileProblem(line: 1, column: 1, message: "cannot read the file: \(problem)")
        default:
            return PollFileProblem(line: 1, column: 1, message: "YAML error: \(yaml)")
        }
    }
}
