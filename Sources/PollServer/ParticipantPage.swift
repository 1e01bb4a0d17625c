import Foundation
import Hummingbird
import PollCore

/// The participants' pages, rendered on the server: plain HTML forms that work with
/// JavaScript off, labelled controls in fieldsets, large touch targets, the poll's language
/// set and every poll and participant string escaped. With JavaScript on, `app.js` follows the
/// facilitator live.
enum ParticipantPage {
    /// What a page needs to know about where it stands.
    struct Context {
        var code: String
        /// The poll in the language the page shows (see `language`): for showing only.
        var definition: PollDefinition
        var control: SessionControl
        /// Changes whenever the page should follow the facilitator (see `SessionView`).
        var followKey: String
        /// What the wall shows now of the current question (its results or comparison), as a
        /// section for the page; nil when nothing is revealed or the poll keeps it off phones.
        var onTheWall: String? = nil
        /// The page's own words (in the poll's language when roompoll speaks it, else English).
        var words: InterfaceWords = .english
        /// The poll's languages, main first, and the one this page shows.
        var languages: [String] = ["en"]
        var language: String = "en"
        /// This page's address without its language, for the language switcher's links.
        var here: String = "/"
        /// Sets the language the participant picked (on the page that picked it).
        var languageCookie: Cookie? = nil

        /// Attributes for an element holding the poll's text: its language and direction
        /// when they are not the page's (a poll in a language the interface does not speak).
        var pollText: String { ParticipantPage.languageAttributes(language, within: words.language) }
    }

    /// Also in app.js: the page fetches itself again when this changes.
    static func followKey(_ control: SessionControl) -> String {
        let presenter = control.pace == .presenter ? "\(control.currentQuestion ?? ""):\(control.votingOpen)" : ""
        let shown = control.shown.map { "\(control.currentQuestion ?? ""):\($0.rawValue)" } ?? ""
        return "\(control.openRound ?? "")|\(control.pace.rawValue)|\(presenter)|\(shown)"
    }

    /// ` lang="…" dir="…"` for text in `language` inside a page in `page`; empty when they are
    /// the same language (the same tag: `zh-Hant` text in a `zh` page is marked).
    static func languageAttributes(_ language: String, within page: String) -> String {
        guard language.lowercased() != page.lowercased() else { return "" }
        return " lang=\"\(HTMLText.escape(language))\" dir=\"\(LanguageTag.direction(language))\""
    }

    /// The whole page: `lang` and `dir` from the interface's language, the stylesheet and
    /// script, and the words app.js says by itself.
    static func layout(_ title: String, words: InterfaceWords, code: String?, followKey: String?, body: String) -> String {
        var data = code.map { " data-code=\"\(HTMLText.escape($0))\" data-state=\"\(HTMLText.escape(followKey ?? ""))\"" } ?? ""
        data += " data-vote-failed=\"\(words.html("qa.voteFailed"))\" data-vote-offline=\"\(words.html("qa.voteOffline"))\""
        return """
            <!doctype html>
            <html lang="\(HTMLText.escape(words.language))" dir="\(LanguageTag.direction(words.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body\(data)>
            <main id="main" tabindex="-1">
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// Links to the page in each of `languages`, the current one marked: plain links, so the
    /// switch works without JavaScript (the server remembers the choice for the session).
    static func languageSwitcher(_ languages: [String], current: String, here: String, words: InterfaceWords) -> String {
        guard languages.count > 1 else { return "" }
        let separator = here.contains("?") ? "&" : "?"
        let links = languages.map { tag in
            let mark = tag == current ? " aria-current=\"true\"" : ""
            return "<li><a href=\"\(HTMLText.escape(here + separator + "lang=" + tag))\" hreflang=\"\(HTMLText.escape(tag))\"\(languageAttributes(tag, within: words.language))\(mark)>"
                + "\(HTMLText.escape(LanguageTag.autonym(tag)))</a></li>"
        }.joined()
        return "<nav class=\"languages\" aria-label=\"\(words.html("page.language"))\"><ul>\(links)</ul></nav>\n"
    }

    /// The start page: type the join code shown on the wall.
    /// `picked`: the participant chose the language with the switcher (it goes on with the code).
    static func join(words: InterfaceWords, error: String?, picked: Bool = false) -> String {
        let others = InterfaceWords.all.keys.filter { $0 != InterfaceWords.reference }.sorted()
        let languages = [InterfaceWords.reference] + others
        return layout(words.text("join.title"), words: words, code: nil, followKey: nil, body: """
            \(languageSwitcher(languages, current: words.language, here: "/", words: words))<h1>\(words.html("join.title"))</h1>
            \(error.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? "")
            <form method="get" action="/join">
            \(picked ? "<input type=\"hidden\" name=\"lang\" value=\"\(HTMLText.escape(words.language))\">\n" : "")            <label for="code">\(words.html("join.label"))</label>
            <input id="code" name="code" autocomplete="off" autocapitalize="characters" required maxlength="8" inputmode="text" dir="ltr">
            <button type="submit">\(words.html("join.button"))</button>
            </form>
            """)
    }

    /// Nothing to answer right now. `live` is said only where the page follows the
    /// facilitator by itself (JavaScript on), `still` only where it does not.
    static func waiting(_ context: Context, message: String, live: String? = nil, still: String? = nil) -> String {
        let live = live.map { " <span class=\"live-only\">\(HTMLText.escape($0))</span>" } ?? ""
        let still = still.map { " <span class=\"static-only\">\(HTMLText.escape($0))</span>" } ?? ""
        return page(context, body: """
            <p class="status" role="status">\(HTMLText.escape(message))\(live)\(still)</p>
            <p><a class="button" href="/s/\(context.code)">\(context.words.html("page.checkAgain"))</a></p>
            """)
    }

    /// Every question of the round answered (or skipped).
    static func done(_ context: Context) -> String {
        page(context, body: """
            <p class="status" role="status">\(context.words.html("done.thanks"))</p>
            <p><a class="button" href="/s/\(context.code)?q=\(HTMLText.escape(context.definition.questions(in: context.control.openRound ?? "").first?.id ?? ""))">\(context.words.html("done.review"))</a></p>
            """)
    }

    /// A page of the session: its title, the language switcher (a translated poll), the links
    /// between the poll and its Q&A (when the poll has Q&A), and `body`.
    static func page(_ context: Context, body: String, questions: Bool = false) -> String {
        let words = context.words
        var nav = ""
        if context.definition.qa != nil {
            let current = " aria-current=\"page\""
            nav = """
                <nav class="tabs" aria-label="\(words.html("page.sessionNav"))"><a href="/s/\(context.code)"\(questions ? "" : current)>\(words.html("page.pollTab"))</a> \
                <a href="/s/\(context.code)/questions"\(questions ? current : "")>\(words.html("page.questionsTab"))</a></nav>

                """
        }
        let switcher = languageSwitcher(context.languages, current: context.language, here: context.here, words: words)
        return layout(context.definition.title, words: words, code: context.code, followKey: context.followKey, body: """
            \(switcher)<h1\(context.pollText)>\(HTMLText.escape(context.definition.title))</h1>
            \(nav)\(questions ? "" : context.onTheWall ?? "")\(body)
            """)
    }

    /// One question as a form.
    /// `saved`: the question whose answer was just recorded (this one, or the one before).
    static func question(_ context: Context, question: Question, position: (index: Int, count: Int)?, current: Answer?,
                         saved: String?, error: String?, back: String?, typed: FormBody? = nil) -> String {
        let words = context.words
        var body = ""
        if let position {
            body += "<p class=\"progress\">\(words.html("question.progress", ["number": "<bdi>\(position.index + 1)</bdi>", "count": "<bdi>\(position.count)</bdi>"]))</p>\n"
        }
        if let saved, context.definition.question(saved) != nil {
            body += "<p class=\"saved\" role=\"status\">\(words.html(saved == question.id ? "question.savedHere" : "question.savedBefore"))</p>\n"
        }
        if let error { body += "<p class=\"error\" role=\"alert\">\(HTMLText.escape(error))</p>\n" }
        body += """
            <form method="post" action="/s/\(context.code)/answer">
            <input type="hidden" name="question" value="\(HTMLText.escape(question.id))">
            <fieldset>
            <legend\(context.pollText)>\(HTMLText.escape(question.ask))</legend>
            \(controls(question, context: context, current: current, typed: typed))
            </fieldset>
            <div class="actions">
            <button type="submit" name="nav" value="next">\(words.html(position == nil ? "question.send" : "question.saveAndContinue"))</button>
            """
        if position != nil {
            body += "<button type=\"submit\" name=\"nav\" value=\"skip\" formnovalidate class=\"secondary\">\(words.html("question.skip"))</button>\n"
        }
        if let back { body += "<a class=\"button secondary\" href=\"\(HTMLText.escape(back))\">\(words.html("question.back"))</a>\n" }
        body += "</div>\n</form>"
        return page(context, body: body)
    }

    /// The inputs of one question, filled with the participant's current answer — or, after a
    /// refused form (`typed`), with what they sent, so that they only fix what was wrong.
    static func controls(_ question: Question, context: Context, current: Answer?, typed: FormBody? = nil) -> String {
        let name = HTMLText.escape(question.id)
        let words = context.words, text = context.pollText
        func number(_ value: Int) -> String { "<bdi>\(value)</bdi>" }
        // Only option numbers are taken back (a hostile form may send any number).
        let typedChoices = typed.map { form in
            form.values("choice").compactMap { Int($0).flatMap { (1...max(1, question.options.count)).contains($0) ? $0 - 1 : nil } }
        }
        switch question.kind {
        case .single, .likert:
            let chosen: Int? = typedChoices.map { $0.first } ?? { if case .choice(let i) = current { return i } else { return nil } }()
            return question.options.enumerated().map { i, label in
                "<label class=\"option\"><input type=\"radio\" name=\"choice\" value=\"\(i + 1)\"\(chosen == i ? " checked" : "") required> <span\(text)>\(HTMLText.escape(label))</span></label>"
            }.joined(separator: "\n")
        case .multi:
            let chosen: Set<Int> = typedChoices.map(Set.init) ?? { if case .choices(let c) = current { return Set(c) } else { return [] } }()
            return "<p class=\"hint\" id=\"\(name)-hint\">\(words.html("hint.chooseUpTo", ["count": number(question.maxChoices)]))</p>\n" + question.options.enumerated().map { i, label in
                "<label class=\"option\"><input type=\"checkbox\" name=\"choice\" value=\"\(i + 1)\" aria-describedby=\"\(name)-hint\"\(chosen.contains(i) ? " checked" : "")> <span\(text)>\(HTMLText.escape(label))</span></label>"
            }.joined(separator: "\n")
        case .scale:
            let range = question.scaleRange
            let value: Int? = typed.map { $0.value("value").flatMap { Int($0) } } ?? { if case .number(let v) = current { return v } else { return nil } }()
            if range.count <= 11 {
                return "<p class=\"hint\">\(words.html("hint.scaleEnds", ["low": number(range.lowerBound), "high": number(range.upperBound)]))</p>\n<div class=\"scale\">\n" + range.map { v in
                    "<label class=\"option scale-point\"><input type=\"radio\" name=\"value\" value=\"\(v)\"\(value == v ? " checked" : "") required> \(v)</label>"
                }.joined(separator: "\n") + "\n</div>"
            }
            return "<label for=\"value\">\(words.html("hint.numberFromTo", ["low": number(range.lowerBound), "high": number(range.upperBound)]))</label>\n<input id=\"value\" type=\"number\" name=\"value\" min=\"\(range.lowerBound)\" max=\"\(range.upperBound)\" required\(value.map { " value=\"\($0)\"" } ?? "")>"
        case .ranking:
            let order: [Int] = { if case .order(let o) = current { return o } else { return [] } }()
            let places = question.options.indices
            return "<p class=\"hint\">\(words.html("hint.ranking"))</p>\n" + question.options.enumerated().map { i, label in
                let place = typed.map { $0.value("rank-\(i + 1)").flatMap { Int($0) } } ?? order.firstIndex(of: i).map { $0 + 1 }
                let choices = places.map { p in "<option value=\"\(p + 1)\"\(place == p + 1 ? " selected" : "")>\(p + 1)</option>" }.joined()
                return "<label class=\"rank\"><span\(text)>\(HTMLText.escape(label))</span> <select name=\"rank-\(i + 1)\" required><option value=\"\">–</option>\(choices)</select></label>"
            }.joined(separator: "\n")
        case .words:
            let given: [String] = typed.map { $0.values("word") } ?? { if case .words(let w) = current { return w } else { return [] } }()
            return (0..<Question.maxWords).map { i in
                "<label for=\"word-\(i + 1)\">\(words.html(i == 0 ? "hint.word" : "hint.wordOptional", ["number": number(i + 1)]))</label>\n<input id=\"word-\(i + 1)\" name=\"word\" maxlength=\"\(Question.maxWordLength)\" dir=\"auto\" autocomplete=\"off\"\(i == 0 ? " required" : "")\(i < given.count ? " value=\"\(HTMLText.escape(given[i]))\"" : "")>"
            }.joined(separator: "\n")
        case .text:
            let answer: String = typed.map { $0.value("text") ?? "" } ?? { if case .text(let t) = current { return t } else { return "" } }()
            return "<label for=\"text\">\(words.html("hint.text", ["count": number(Question.maxTextLength)]))</label>\n<textarea id=\"text\" name=\"text\" maxlength=\"\(Question.maxTextLength)\" rows=\"4\" dir=\"auto\" required>\(HTMLText.escape(answer))</textarea>"
        }
    }

    /// The answer a submitted form describes, or why it cannot be one.
    static func answer(from form: FormBody, for question: Question) -> Result<Answer, AnswerProblem> {
        /// 1-based option numbers from the form as 0-based indexes; nil if any is not an option.
        func numbers(_ values: [String]) -> [Int]? {
            let parsed = values.compactMap { Int($0) }.filter { (1...question.options.count).contains($0) }
            return parsed.count == values.count ? parsed.map { $0 - 1 } : nil
        }
        let answer: Answer
        switch question.kind {
        case .single, .likert:
            guard let value = form.value("choice") else { return .failure(.empty) }
            guard let index = numbers([value])?.first else { return .failure(.wrongOption(value)) }
            answer = .choice(index)
        case .multi:
            let values = form.values("choice")
            guard !values.isEmpty else { return .failure(.empty) }
            guard let picked = numbers(values) else { return .failure(.wrongOption(values.joined(separator: ","))) }
            answer = .choices(picked)
        case .scale:
            guard let value = form.value("value"), !value.isEmpty else { return .failure(.empty) }
            guard let number = Int(value) else { return .failure(.notANumber(value)) }
            answer = .number(number)
        case .ranking:
            var places: [(option: Int, place: Int)] = []
            var missing: [String] = []
            for i in question.options.indices {
                guard let text = form.value("rank-\(i + 1)"), let place = Int(text), (1...question.options.count).contains(place) else {
                    missing.append(question.options[i])
                    continue
                }
                places.append((i, place))
            }
            guard missing.isEmpty else { return .failure(.incompleteRanking(missing: missing)) }
            // Which options share a place, said by name.
            let byPlace = Dictionary(grouping: places, by: \.place)
            if let (place, shared) = byPlace.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
                return .failure(.samePlace(options: shared.map { question.options[$0.option] }, place: place))
            }
            answer = .order(places.sorted { $0.place < $1.place }.map(\.option))
        case .words:
            let words = form.values("word").map { TextCleaner.trimmed($0) }.filter { !$0.isEmpty }
            guard !words.isEmpty else { return .failure(.empty) }
            answer = .words(words)
        case .text:
            answer = .text(form.value("text") ?? "")
        }
        let normalized = AnswerCodec.normalized(answer)
        do {
            try AnswerCodec.validate(normalized, for: question)
        } catch {
            return .failure(error)
        }
        return .success(normalized)
    }
}
