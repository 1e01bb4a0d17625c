import Foundation
import Yams

/// A value of a poll file in its main language and, in a translated poll, its others.
struct Translated<Value> {
    var main: Value
    /// By language tag, the main language left out.
    var others: [String: Value]
}

/// The language rules of poll files: `languages: [en, fr]` names a poll's languages (main
/// first); then `title`, `event`, `ask`, `options` and `labels` are maps by language
/// (`ask: {en: …, fr: …}`) giving every language, and option lists of the same length.
extension PollFileReader {
    /// `languages:` — tags, each known and listed once; `language:` (if given) must be the first.
    mutating func languageList(_ node: Node, language: String?, languageNode: Node?) -> [String] {
        guard let items = node.sequence, !items.isEmpty else {
            report(node, "`languages` must be a list of language tags, the main language first, e.g. `[en, fr, es]`")
            return []
        }
        guard items.count <= 20 else {
            report(node, "a poll has at most 20 languages")
            return []
        }
        var tags: [String] = []
        for item in items {
            guard let tag = item.scalar?.string, !tag.isEmpty else {
                report(item, "each entry of `languages` must be a language tag such as en, fr or ar")
                continue
            }
            if let problem = LanguageTag.problem(tag) {
                report(item, problem)
            } else if tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
                report(item, "language `\(tag)` is listed twice")
            } else {
                tags.append(tag)
            }
        }
        if let language, let first = tags.first, first.lowercased() != language.lowercased() {
            report(languageNode, "`language` is `\(language)` but `languages` starts with `\(first)`: the first of `languages` is the main "
                   + "language, so `language` can go")
        }
        // The good tags go on, so that the rest of the file is still checked against them.
        return tags
    }

    /// Text that may be given by language: a plain string in a poll with one language, a map
    /// with every language in a translated one.
    mutating func translatedText(_ map: Node.Mapping, _ key: String, in owner: Node, limit: Int, lineBreaks: Bool = false,
                                 required: Bool = true) -> Translated<String>? {
        guard let node = map[key] else {
            if required { report(owner, "missing `\(key)`") }
            return nil
        }
        guard let byLanguage = node.mapping else {
            let value = required ? requiredString(map, key, in: owner, limit: limit, lineBreaks: lineBreaks)
                                 : optionalString(map, key, limit: limit, lineBreaks: lineBreaks)
            if value != nil, languages.count > 1 { report(node, oneLanguageOnly(key, example: "…")) }
            return value.map { Translated(main: $0, others: [:]) }
        }
        var values: [String: String] = [:]
        for (tag, valueNode) in entries(key, byLanguage) {
            guard let text = valueNode.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                report(valueNode, "`\(key)` in `\(tag)` must be non-empty text")
                continue
            }
            values[tag] = self.text(text, key: key, at: valueNode, limit: limit, lineBreaks: lineBreaks)
        }
        return complete(values, key: key, at: node)
    }

    /// Options or likert labels: a list in a poll with one language, a map of lists with every
    /// language in a translated one, each list as long as the main language's.
    mutating func translatedOptions(_ node: Node, key: String, kind: QuestionKind) -> Translated<[String]> {
        guard let byLanguage = node.mapping else {
            let list = optionList(node, key: key, kind: kind)
            if !list.isEmpty, languages.count > 1 { report(node, oneLanguageOnly(key, example: "[…]")) }
            return Translated(main: list, others: [:])
        }
        var lists: [String: [String]] = [:]
        var nodes: [String: Node] = [:]
        for (tag, listNode) in entries(key, byLanguage) {
            lists[tag] = optionList(listNode, key: key, kind: kind)
            nodes[tag] = listNode
        }
        if let main = languages.first, let mainList = lists[main], let mainNode = nodes[main] {
            for tag in languages.dropFirst() {
                guard let list = lists[tag], let listNode = nodes[tag], list.count != mainList.count,
                      listNode.sequence?.count != mainNode.sequence?.count else { continue }
                report(listNode, "`\(key)` in `\(tag)` has \(listNode.sequence?.count ?? 0) entries but in `\(main)` "
                       + "\(mainNode.sequence?.count ?? 0): list the same \(key) in the same order in every language")
                lists[tag] = nil
            }
        }
        // A label must name the same option in every language: answers may be given (imported)
        // in any of them, so `Pain` cannot be option 2 in English and option 1 in French.
        var optionOf: [String: (index: Int, tag: String)] = [:]
        for tag in languages {
            guard let list = lists[tag], let listNode = nodes[tag], let items = listNode.sequence else { continue }
            for (index, label) in list.enumerated() {
                let folded = label.folding(options: .caseInsensitive, locale: nil)
                if let other = optionOf[folded], other.index != index {
                    report(items.indices.contains(index) ? items[index] : listNode,
                           "`\(PollFileReader.short(label))` is option \(index + 1) in `\(tag)` but option \(other.index + 1) in `\(other.tag)`: "
                           + "answers may be given in any language, so a label must mean the same option in all of them")
                } else if optionOf[folded] == nil {
                    optionOf[folded] = (index, tag)
                }
            }
        }
        return complete(lists, key: key, at: node) ?? Translated(main: [], others: [:])
    }

    /// A likert question without `labels`: roompoll's agree scale in each language. A
    /// translated poll needs the scale in every one of its languages; a poll in one language
    /// that roompoll has no scale in gets the English one.
    mutating func agreeScale(at node: Node) -> Translated<[String]> {
        guard languages.count > 1 else {
            return Translated(main: AgreeScale.labels(in: languages.first ?? singleLanguage) ?? AgreeScale.english, others: [:])
        }
        let missing = languages.filter { AgreeScale.labels(in: $0) == nil }
        guard missing.isEmpty else {
            report(node, "this likert question has no `labels`, and roompoll's built-in agree scale is not in "
                   + "\(missing.map { "`\($0)`" }.joined(separator: ", ")) (only in \(AgreeScale.languages.joined(separator: ", "))): "
                   + "give `labels` in every language")
            return Translated(main: [], others: [:])
        }
        return Translated(main: AgreeScale.labels(in: languages[0]) ?? [],
                          others: Dictionary(uniqueKeysWithValues: languages.dropFirst().map { ($0, AgreeScale.labels(in: $0) ?? []) }))
    }

    // MARK: - Helpers

    /// The entries of a map by language whose key is one of the poll's languages (the others
    /// reported).
    private mutating func entries(_ key: String, _ map: Node.Mapping) -> [(String, Node)] {
        guard !languages.isEmpty else {
            report(map.keys.first, "`\(key)` is given by language, but the poll names no `languages`: add e.g. `languages: [en, fr]` "
                   + "(main language first)")
            return []
        }
        var entries: [(String, Node)] = []
        for (keyNode, value) in map {
            let tag = keyNode.scalar?.string ?? ""
            guard let known = languages.first(where: { $0.lowercased() == tag.lowercased() }) else {
                let problem = LanguageTag.problem(tag).map { "; \($0)" } ?? ""
                report(keyNode, "`\(PollFileReader.short(tag))` is not one of the poll's languages (\(languages.joined(separator: ", ")))\(problem)")
                continue
            }
            entries.append((known, value))
        }
        return entries
    }

    /// `values` as main and others, with every missing language reported at `node`; nil when
    /// the main language is missing.
    private mutating func complete<Value>(_ values: [String: Value], key: String, at node: Node) -> Translated<Value>? {
        guard !languages.isEmpty else { return nil }
        let missing = languages.filter { values[$0] == nil }
        if !missing.isEmpty {
            report(node, "`\(key)` has no \(missing.map { "`\($0)`" }.joined(separator: ", ")) translation: give it in every language "
                   + "of the poll (\(languages.joined(separator: ", ")))")
        }
        guard let main = values[languages[0]] else { return nil }
        return Translated(main: main, others: values.filter { $0.key != languages[0] })
    }

    private func oneLanguageOnly(_ key: String, example: String) -> String {
        "`\(key)` is given in one language, but the poll has \(languages.count) (\(languages.joined(separator: ", "))): give it by "
            + "language, e.g. `\(key): {\(languages.map { "\($0): \(example)" }.joined(separator: ", "))}`"
    }
}
