import Analysis
import PollCore

/// One question's section of the HTML report: the headline and the verdict first, then the
/// answers per round (table and charts), the paired participants' turnover, and every test.
enum QuestionSection {
    static func render(_ shift: QuestionShift, number: Int, id: String) -> String {
        let question = shift.question
        var html = "<section class=\"question\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
        html += "<h2 id=\"\(id)-heading\"><span class=\"number\">\(number).</span> \(HTMLEscaping.pollText(question.ask))</h2>\n"
        html += "<p class=\"meta\">\(VerdictBadge.html(shift.verdict)) \(kindName(question.kind))\(question.segment ? " · segment question" : "") · id "
            + "<code>\(HTMLText.escape(question.id))</code>"
            + (question.correct == nil ? "" : " · right answer: " + KnowledgeWording.rightAnswers(question).map { "“\(HTMLEscaping.pollText($0))”" }.joined(separator: " and "))
            + "</p>\n"
        html += "<p class=\"headline\">\(HTMLText.escape(shift.headline))</p>\n"
        html += verdictParagraph(shift)
        switch question.kind {
        case .text: html += texts(shift)
        case .words: html += words(shift, id: id)
        default: html += answers(shift, id: id)
        }
        return html + "</section>\n"
    }

    static func kindName(_ kind: QuestionKind) -> String {
        switch kind {
        case .single: return "Single choice"
        case .multi: return "Multiple choice"
        case .likert: return "Agreement scale"
        case .scale: return "Number scale"
        case .ranking: return "Ranking"
        case .words: return "Words"
        case .text: return "Free text"
        }
    }

    // MARK: Verdict

    /// The verdict in words (`QuestionShift.verdictText`); nothing when the headline already
    /// says why no change is measured.
    static func verdictParagraph(_ shift: QuestionShift) -> String {
        guard shift.note == nil, !shift.verdictText.isEmpty else { return "" }
        return "<p class=\"verdict \(VerdictBadge.cssClass(shift.verdict))\"><strong>Verdict:</strong> \(HTMLText.escape(shift.verdictText))</p>\n"
    }

    // MARK: Answers

    /// The main chart in view (likert: the diverging bars; other kinds: bars per round), then
    /// the tables, the paired participants' turnover and the tests folded away.
    static func answers(_ shift: QuestionShift, id: String) -> String {
        var html = "", details = ""
        if shift.rounds.contains(where: { !$0.rows.isEmpty }) {
            let diverging = shift.question.kind == .likert ? DivergingBars.render(shift, id: "\(id)-agreement") : nil
            let bars = BeforeAfterBars.render(shift, id: "\(id)-bars")
            html += diverging ?? bars ?? ""
            details += "<h3>Answers per round</h3>\n" + distribution(shift).html
            if diverging != nil, let bars { details += bars }
        }
        if let measures = measures(shift) { details += measures.html }
        if let consensus = shift.consensus, !consensus.isEmpty {
            details += "<p>Order by mean rank (1 = first): "
                + zip(shift.rounds, consensus).map { round, order in
                    "\(HTMLText.escape(round.round)) " + order.map(HTMLEscaping.pollText).joined(separator: " &gt; ")
                }.joined(separator: "; ") + ".</p>\n"
        }
        if let leading = ReportWording.leading(shift) { details += "<p class=\"note\">\(HTMLText.escape(leading))</p>\n" }
        details += hands(shift)
        details += paired(shift, id: id)
        details += tests(shift)
        return html + folded(details, summary: "Tables, paired participants and tests")
    }

    /// `content` in a `<details>` element that opens on `summary` (nothing when empty). Printing
    /// prints what is open: open the folds you want on paper first.
    static func folded(_ content: String, summary: String) -> String {
        content.isEmpty ? "" : "<details class=\"more\">\n<summary>\(summary)</summary>\n\(content)</details>\n"
    }

    /// Counts and percentages per round, the change in points and its interval (all
    /// respondents), and for choice kinds the same among the paired participants.
    static func distribution(_ shift: QuestionShift) -> HTMLTable {
        let rounds = shift.rounds
        let ranking = shift.question.kind == .ranking
        let pairedChange = shift.paired?.changePoints
        var columns = [rowHeading(shift.question.kind)]
        for round in rounds {
            let name = HTMLText.escape(HTMLReport.roundTitle(round.round))
            columns += ranking ? ["\(name) first places", "\(name) %", "\(name) mean rank"] : ["\(name) count", "\(name) %"]
        }
        let intervals = shift.intervals, pairedIntervals = shift.paired?.intervals
        if shift.changePoints != nil { columns += ["Change (points)"] + (intervals == nil ? [] : ["95% CI"]) }
        if pairedChange != nil { columns += ["Paired change (points)"] + (pairedIntervals == nil ? [] : ["Paired 95% CI"]) }
        let labels = rounds.first?.rows.map(\.label) ?? []
        let rows = labels.indices.map { k -> [String] in
            var row = [HTMLEscaping.pollText(labels[k])]
            for round in rounds {
                let share = k < round.rows.count ? round.rows[k] : nil
                row += [share.map { String($0.count) } ?? "–", share.map { NumberText.percent($0.percent) } ?? "–"]
                if ranking { row.append(share?.meanRank.map { NumberText.decimal($0, places: 1) } ?? "–") }
            }
            if let change = shift.changePoints {
                row.append(k < change.count ? NumberText.points(change[k]) : "–")
                if intervals != nil { row.append(HTMLReport.interval(element(intervals, k))) }
            }
            if let pairedChange {
                row.append(k < pairedChange.count ? NumberText.points(pairedChange[k]) : "–")
                if pairedIntervals != nil { row.append(HTMLReport.interval(element(pairedIntervals, k))) }
            }
            return row
        }
        var caption = "Answers per round ("
            + rounds.map { "\(HTMLText.escape($0.round)) n = \($0.n)" }.joined(separator: ", ") + "). "
        caption += ranking ? "First places and the percent of respondents ranking the option first; mean rank 1 = first."
                           : shift.question.kind == .multi ? "Percent of each round's respondents; one person may pick several."
                                                          : "Percent of each round's respondents."
        if shift.changePoints != nil { caption += " Change: last round minus first, in percentage points." }
        if let paired = shift.paired, pairedChange != nil { caption += " Paired: the \(paired.n) people who answered in both." }
        return HTMLTable(caption: caption, columns: columns, rows: rows)
    }

    /// `likert` and `scale`: agreement, mean, median and standard deviation per round, with the
    /// change and its interval (all respondents, then paired participants).
    static func measures(_ shift: QuestionShift) -> HTMLTable? {
        let kind = shift.question.kind
        guard kind == .likert || kind == .scale, shift.rounds.contains(where: { $0.mean != nil }) else { return nil }
        let rounds = shift.rounds
        let dash = Array(repeating: "–", count: rounds.count)
        var rows: [[String]] = []
        if let agreement = shift.agreement {
            let who = agreement.labels.map(HTMLEscaping.pollText).joined(separator: " or ")
            rows.append(["Agreement (\(who))"]
                        + rounds.indices.map { $0 < agreement.percent.count ? NumberText.percent(agreement.percent[$0]) : "–" }
                        + [NumberText.points(agreement.changePoints) + " points", HTMLReport.interval(agreement.interval)])
            if let paired = agreement.pairedChangePoints {
                rows.append(["Agreement, paired participants"] + dash
                            + [NumberText.points(paired) + " points", HTMLReport.interval(agreement.pairedInterval)])
            }
        }
        rows.append([kind == .likert ? "Mean position (1 = first label)" : "Mean"]
                    + rounds.map { decimal($0.mean) } + [shift.meanChange.map(NumberText.points) ?? "–", HTMLReport.interval(shift.meanInterval)])
        if let difference = shift.paired?.meanDifference {
            rows.append(["Mean change, paired participants"] + dash
                        + [NumberText.points(difference), HTMLReport.interval(shift.paired?.meanInterval)])
        }
        rows.append(["Median"] + rounds.map { decimal($0.median) } + ["–", "–"])
        rows.append(["Standard deviation"] + rounds.map { decimal($0.sd) } + ["–", "–"])
        return HTMLTable(
            caption: "Summary measures per round, the change (last round minus first) and its 95% interval.",
            columns: ["Measure"] + rounds.map { HTMLText.escape(HTMLReport.roundTitle($0.round)) } + ["Change", "95% CI"],
            rows: rows)
    }

    static func hands(_ shift: QuestionShift) -> String {
        shift.rounds.filter { $0.hands > 0 }.map { round in
            "<p class=\"note\">In the \(HTMLText.escape(round.round)) round \(round.hands) of \(round.n) answers were counted by show "
                + "of hands: they count in the percentages and the unpaired tests, never in the paired ones.</p>\n"
        }.joined()
    }

    static func paired(_ shift: QuestionShift, id: String) -> String {
        guard let paired = shift.paired, paired.n > 0, let first = shift.rounds.first, let last = shift.rounds.last else { return "" }
        var html = "<h3>Paired participants</h3>\n<p>\(paired.n) \(paired.n == 1 ? "person" : "people") answered in both the "
            + "\(HTMLText.escape(first.round)) and the \(HTMLText.escape(last.round)) round; \(paired.differently) of them answered differently"
        if let up = paired.up, let down = paired.down, let same = paired.same {
            html += " (\(up) moved up, \(down) down, \(same) stayed)"
        }
        html += ".</p>\n"
        if let chart = TurnoverFlow.render(shift, id: "\(id)-flow") { html += chart }
        if let table = TurnoverFlow.table(shift) { html += table.html }
        return html
    }

    static func tests(_ shift: QuestionShift) -> String {
        guard !shift.tests.isEmpty else { return "" }
        let rows = shift.tests.map { test -> [String] in
            [HTMLText.escape(test.title) + (test.primary ? " <strong>(primary)</strong>" : ""),
             test.paired ? "paired participants" : "rounds (unpaired)",
             test.option.map(HTMLEscaping.pollText) ?? "–",
             ReportWording.switchedText(test) ?? decimal(test.result.statistic, places: 2),
             test.result.df.map { NumberText.decimal($0, places: $0.rounded() == $0 ? 0 : 1) } ?? "–",
             HTMLText.escape(PValue.text(test.result.pValue)),
             test.pAdjusted.map { HTMLText.escape(PValue.text($0)) } ?? "–",
             test.effect.map { HTMLText.escape(ReportWording.effectName($0.name)) + " " + NumberText.decimal($0.value, places: 2) } ?? "–",
             HTMLReport.interval(test.interval)]
        }
        let table = HTMLTable(
            caption: "Tests. The primary test, Holm-adjusted across the session, decides the verdict; the others are for reference.",
            columns: ["Test", "Compares", "Option", "Statistic", "df", "p-value", "Holm-adjusted", "Effect size", "95% CI of the change"],
            rows: rows, textColumns: [1, 2, 7],
            emphasised: Set(shift.tests.indices.filter { shift.tests[$0].primary }))
        return "<h3>Tests</h3>\n" + table.html
    }

    // MARK: Words and free text

    static func words(_ shift: QuestionShift, id: String) -> String {
        var html = ""
        if shift.rounds.contains(where: { !$0.rows.isEmpty }) {
            if let chart = BeforeAfterBars.render(shift, id: "\(id)-words") { html += chart }
            var table = distribution(shift)
            table.caption = "Most used words: how many respondents used each, and their percent of the round's respondents."
            html += folded("<h3>Most used words</h3>\n" + table.html, summary: "The words’ table")
        } else {
            html += "<p>No words were given.</p>\n"
        }
        if let first = shift.rounds.first, let last = shift.rounds.last, shift.rounds.count > 1 {
            html += wordList("New in the \(HTMLText.escape(last.round)) round", shift.newWords)
            html += wordList("No longer used after the \(HTMLText.escape(first.round)) round", shift.vanishedWords)
        }
        return html
    }

    static func wordList(_ title: String, _ words: [String]?) -> String {
        guard let words else { return "" }
        return "<p><strong>\(title):</strong> "
            + (words.isEmpty ? "none" : words.map(HTMLEscaping.pollText).joined(separator: ", ")) + ".</p>\n"
    }

    /// Each round's free-text answers: the first few in view, the rest folded away.
    static func texts(_ shift: QuestionShift) -> String {
        shift.rounds.map { round in
            var html = "<h3>\(HTMLText.escape(HTMLReport.roundTitle(round.round))) (\(round.texts.count) "
                + "\(round.texts.count == 1 ? "answer" : "answers"))</h3>\n"
            if round.texts.isEmpty { return html + "<p>No answers.</p>\n" }
            func list(_ texts: ArraySlice<String>) -> String {
                "<ul class=\"texts\">\n" + texts.map { "<li dir=\"auto\">\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
            }
            html += list(round.texts.prefix(shownTexts))
            if round.texts.count > shownTexts {
                let rest = round.texts.count - shownTexts
                html += folded(list(round.texts.dropFirst(shownTexts)), summary: "The other \(rest) \(rest == 1 ? "answer" : "answers")")
            }
            return html
        }.joined()
    }

    /// How many free-text answers per round are in view before the rest fold away.
    static let shownTexts = 5

    // MARK: Helpers

    /// The heading of a table's first column: what its rows are.
    static func rowHeading(_ kind: QuestionKind) -> String {
        kind == .scale ? "Value" : kind == .words ? "Word" : "Answer"
    }

    static func decimal(_ value: Double?, places: Int = 1) -> String {
        value.map { NumberText.decimal($0, places: places) } ?? "–"
    }

    static func element(_ intervals: [ConfidenceInterval?]?, _ index: Int) -> ConfidenceInterval? {
        guard let intervals, index < intervals.count else { return nil }
        return intervals[index]
    }
}
