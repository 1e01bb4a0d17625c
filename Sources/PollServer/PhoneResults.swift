import PollCore

/// What the wall reveals, on participants' pages: the current question's results (counts,
/// percentages and bars, as a table) or the comparison of its first and last rounds.
enum PhoneResults {
    static func section(_ question: Question, shown: SessionControl.Shown, tallies: [(round: String, tally: QuestionTally)]) -> String {
        var html = "<section class=\"wall\" aria-labelledby=\"wall-heading\">\n<h2 id=\"wall-heading\">On the screen now</h2>\n"
        html += "<p class=\"ask\" dir=\"auto\">\(HTMLText.escape(question.ask))</p>\n"
        guard let newest = tallies.last else { return html + "<p>No answers yet.</p>\n</section>\n" }
        switch question.kind {
        case .ranking: return html + ranking(question, round: newest.round, tally: newest.tally) + "</section>\n"
        case .words: return html + words(round: newest.round, tally: newest.tally) + "</section>\n"
        case .text: return html + "<p>The answers are on the screen.</p>\n</section>\n"
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
        var head = "<th scope=\"col\">Answer</th>"
        if compare {
            head += "<th scope=\"col\">\(HTMLText.escape(first.round.capitalized)) (n = \(first.respondents))</th>"
                + "<th scope=\"col\">\(HTMLText.escape(last.round.capitalized)) (n = \(last.respondents))</th><th scope=\"col\">Change</th>"
        } else {
            head += "<th scope=\"col\">Answers</th><th scope=\"col\">Share</th>"
        }
        var rows = ""
        for (index, label) in labels.enumerated() where index < last.counts.count {
            let now = percent(last.counts[index], last.respondents)
            rows += "<tr><th scope=\"row\" dir=\"auto\">\(HTMLText.escape(label))</th>"
            if compare {
                let before = percent(index < first.counts.count ? first.counts[index] : 0, first.respondents)
                let change = Int((now - before).rounded())
                rows += "<td>\(Int(before.rounded()))%</td><td>\(Int(now.rounded()))% \(bar(now))</td><td>\(change > 0 ? "+" : change < 0 ? "−" : "±")\(abs(change)) points</td>"
            } else {
                rows += "<td>\(last.counts[index])</td><td>\(Int(now.rounded()))% \(bar(now))</td>"
            }
            rows += "</tr>\n"
        }
        let caption = compare ? "How the answers moved between the rounds" : "Answers in the \(HTMLText.escape(last.round)) round (n = \(last.respondents))"
        return html + "<table>\n<caption>\(caption)</caption>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n</section>\n"
    }

    /// A ranking: the options in the room's order (by mean place, 1 = first).
    static func ranking(_ question: Question, round: String, tally: QuestionTally) -> String {
        let n = tally.entries.count
        guard n > 0 else { return "<p>No answers yet.</p>\n" }
        let order = question.options.indices.sorted { (tally.rankSums[$0], $0) < (tally.rankSums[$1], $1) }
        let rows = order.enumerated().map { place, option in
            let mean = Double(tally.rankSums[option]) / Double(n)
            return "<tr><td>\(place + 1)</td><th scope=\"row\" dir=\"auto\">\(HTMLText.escape(question.options[option]))</th>"
                + "<td>\(NumberText.decimal(mean, places: 1))</td></tr>"
        }.joined(separator: "\n")
        return "<table>\n<caption>The room's order in the \(HTMLText.escape(round)) round (n = \(n))</caption>\n"
            + "<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Option</th><th scope=\"col\">Mean place</th></tr></thead>\n"
            + "<tbody>\n\(rows)\n</tbody>\n</table>\n"
    }

    /// Words: the most used, with how many people used each.
    static func words(round: String, tally: QuestionTally) -> String {
        let top = tally.wordCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
        guard !top.isEmpty else { return "<p>No answers yet.</p>\n" }
        let n = tally.entries.count
        let rows = top.map { word, count in
            let share = n > 0 ? 100 * Double(count) / Double(n) : 0
            return "<tr><th scope=\"row\" dir=\"auto\">\(HTMLText.escape(word))</th><td>\(count)</td>"
                + "<td>\(Int(share.rounded()))% <meter min=\"0\" max=\"100\" value=\"\(Int(share.rounded()))\" aria-hidden=\"true\"></meter></td></tr>"
        }.joined(separator: "\n")
        return "<table>\n<caption>The most used words in the \(HTMLText.escape(round)) round (n = \(n))</caption>\n"
            + "<thead><tr><th scope=\"col\">Word</th><th scope=\"col\">People</th><th scope=\"col\">Share</th></tr></thead>\n"
            + "<tbody>\n\(rows)\n</tbody>\n</table>\n"
    }
}
