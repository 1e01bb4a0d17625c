import PollCore

/// What the wall reveals, on participants' pages: the current question's results (counts,
/// percentages and bars, as a table) or the comparison of its first and last rounds.
enum PhoneResults {
    static func section(_ question: Question, shown: SessionControl.Shown,
                        counts: [(round: String, counts: [Int], respondents: Int)]) -> String {
        var html = "<section class=\"wall\" aria-labelledby=\"wall-heading\">\n<h2 id=\"wall-heading\">On the screen now</h2>\n"
        html += "<p class=\"ask\" dir=\"auto\">\(HTMLText.escape(question.ask))</p>\n"
        let labels = question.kind == .scale ? question.scaleRange.map(String.init) : question.options
        guard [.single, .multi, .likert, .scale].contains(question.kind), let last = counts.last, !counts.isEmpty else {
            return html + "<p>The results are on the screen.</p>\n</section>\n"
        }
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
}
