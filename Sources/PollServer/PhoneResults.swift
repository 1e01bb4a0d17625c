import PollCore

/// What the wall reveals, on participants' pages: the current question's results (counts,
/// percentages and bars, as a table) or the comparison of its first and last rounds.
enum PhoneResults {
    static func section(_ question: Question, shown: SessionControl.Shown, tallies: [(round: String, tally: QuestionTally)],
                        context: ParticipantPage.Context) -> String {
        let words = context.words, text = context.pollText
        var html = "<section class=\"wall\" aria-labelledby=\"wall-heading\">\n<h2 id=\"wall-heading\">\(words.html("results.heading"))</h2>\n"
        html += "<p class=\"ask\"\(text)>\(HTMLText.escape(question.ask))</p>\n"
        guard let newest = tallies.last else { return html + "<p>\(words.html("results.noAnswers"))</p>\n</section>\n" }
        switch question.kind {
        case .ranking: return html + ranking(question, round: newest.round, tally: newest.tally, context: context) + "</section>\n"
        case .words: return html + self.words(round: newest.round, tally: newest.tally, words: words) + "</section>\n"
        case .text: return html + "<p>\(words.html("results.textOnScreen"))</p>\n</section>\n"
        default: break
        }
        // A wide scale (0–100) is shown in ranges, as the report and the wall show it.
        let bins = question.kind == .scale ? ScaleBins(question.scaleRange) : nil
        let counts = tallies.map { (round: $0.round, counts: bins?.counts($0.tally.counts) ?? $0.tally.counts, respondents: $0.tally.respondents) }
        let last = counts[counts.count - 1]
        let labels = bins?.labels ?? question.options
        func percent(_ count: Int, _ n: Int) -> Double { n > 0 ? 100 * Double(count) / Double(n) : 0 }
        // A meter, not a styled span: the pages' Content-Security-Policy allows no inline style.
        func bar(_ value: Double) -> String {
            "<meter min=\"0\" max=\"100\" value=\"\(Int(value.rounded()))\" aria-hidden=\"true\"></meter>"
        }
        let compare = shown == .compare && counts.count >= 2
        let first = counts[0]
        func column(_ round: String, _ n: Int) -> String {
            "<th scope=\"col\">\(words.html("results.roundColumn", ["round": capitalized(roundName(round, words: words)), "n": "<bdi>\(n)</bdi>"]))</th>"
        }
        var head = "<th scope=\"col\">\(words.html("results.answer"))</th>"
        if compare {
            head += column(first.round, first.respondents) + column(last.round, last.respondents)
                + "<th scope=\"col\">\(words.html("results.change"))</th>"
        } else {
            head += "<th scope=\"col\">\(words.html("results.answers"))</th><th scope=\"col\">\(words.html("results.share"))</th>"
        }
        var rows = ""
        // A knowledge question's right answer, once it can no longer help anyone answer.
        let correct = question.revealsCorrectAnswer(under: context.control) ? Set(question.correct ?? []) : []
        for (index, label) in labels.enumerated() where index < last.counts.count {
            let now = percent(last.counts[index], last.respondents)
            // The mark is in the page's words, inside a cell in the poll's language.
            let back = ParticipantPage.languageAttributes(words.language, within: context.language)
            let mark = correct.contains(index) ? " <strong class=\"correct\"\(back)>✓ \(words.html("results.correct"))</strong>" : ""
            rows += "<tr><th scope=\"row\"\(bins == nil ? text : "")>\(HTMLText.escape(label))\(mark)</th>"
            if compare {
                let before = percent(index < first.counts.count ? first.counts[index] : 0, first.respondents)
                let change = Int((now - before).rounded())
                rows += "<td>\(Int(before.rounded()))%</td><td>\(Int(now.rounded()))% \(bar(now))</td><td>\(words.html("results.points", ["change": "<bdi>\(change > 0 ? "+" : change < 0 ? "−" : "±")\(abs(change))</bdi>"]))</td>"
            } else {
                rows += "<td>\(last.counts[index])</td><td>\(Int(now.rounded()))% \(bar(now))</td>"
            }
            rows += "</tr>\n"
        }
        let caption = compare ? words.html("results.movedCaption")
            : words.html("results.roundCaption", ["round": roundName(last.round, words: words), "n": "<bdi>\(last.respondents)</bdi>"])
        return html + "<table>\n<caption>\(caption)</caption>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n</section>\n"
    }

    /// A ranking: the options in the room's order (by mean place, 1 = first).
    static func ranking(_ question: Question, round: String, tally: QuestionTally, context: ParticipantPage.Context) -> String {
        let n = tally.count, words = context.words
        guard n > 0 else { return "<p>\(words.html("results.noAnswers"))</p>\n" }
        let order = question.options.indices.sorted { (tally.rankSums[$0], $0) < (tally.rankSums[$1], $1) }
        let rows = order.enumerated().map { place, option in
            let mean = Double(tally.rankSums[option]) / Double(n)
            return "<tr><td>\(place + 1)</td><th scope=\"row\"\(context.pollText)>\(HTMLText.escape(question.options[option]))</th>"
                + "<td>\(NumberText.decimal(mean, places: 1))</td></tr>"
        }.joined(separator: "\n")
        return "<table>\n<caption>\(words.html("results.rankingCaption", ["round": roundName(round, words: words), "n": "<bdi>\(n)</bdi>"]))</caption>\n"
            + "<thead><tr><th scope=\"col\">\(words.html("results.place"))</th><th scope=\"col\">\(words.html("results.option"))</th>"
            + "<th scope=\"col\">\(words.html("results.meanPlace"))</th></tr></thead>\n"
            + "<tbody>\n\(rows)\n</tbody>\n</table>\n"
    }

    /// Words: the most used, with how many people used each.
    static func words(round: String, tally: QuestionTally, words: InterfaceWords) -> String {
        let top = tally.wordCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        guard !top.isEmpty else { return "<p>\(words.html("results.noAnswers"))</p>\n" }
        let n = tally.count
        let rows = top.map { word, count in
            let share = n > 0 ? 100 * Double(count) / Double(n) : 0
            return "<tr><th scope=\"row\" dir=\"auto\">\(HTMLText.escape(word))</th><td>\(count)</td>"
                + "<td>\(Int(share.rounded()))% <meter min=\"0\" max=\"100\" value=\"\(Int(share.rounded()))\" aria-hidden=\"true\"></meter></td></tr>"
        }.joined(separator: "\n")
        return "<table>\n<caption>\(words.html("results.wordsCaption", ["round": roundName(round, words: words), "n": "<bdi>\(n)</bdi>"]))</caption>\n"
            + "<thead><tr><th scope=\"col\">\(words.html("results.word"))</th><th scope=\"col\">\(words.html("results.people"))</th>"
            + "<th scope=\"col\">\(words.html("results.share"))</th></tr></thead>\n"
            + "<tbody>\n\(rows)\n</tbody>\n</table>\n"
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A round's name for a sentence: the usual two in the page's language, others as named.
    static func roundName(_ round: String, words: InterfaceWords) -> String {
        let name = ["opening", "closing"].contains(round) ? words.text("round.\(round)") : round
        return HTMLText.escape(name)
    }
}
