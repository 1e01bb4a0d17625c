import Analysis
import PollCore

/// The HTML report's knowledge check: the room's score in words, the consistency, a chart of
/// % right per question in each round (with 95% intervals), the distribution of the paired
/// participants' own gains, the questions one by one, and the same numbers in tables.
enum KnowledgeSection {
    static func html(_ k: KnowledgeAnalysis) -> String {
        var html = "<section id=\"knowledge\" aria-labelledby=\"knowledge-heading\">\n<h2 id=\"knowledge-heading\">Knowledge check</h2>\n"
        html += "<p class=\"headline\">\(HTMLText.escape(k.headline))</p>\n"
        html += "<p>\(HTMLText.escape(KnowledgeWording.summary(k)))</p>\n"
        if let consistency = KnowledgeWording.reliability(k) { html += "<p>\(HTMLText.escape(consistency))</p>\n" }
        html += rightChart(k)
        html += gainChart(k)
        html += "<h3>Question by question</h3>\n<ol>\n" + k.items.map { item in
            let right = KnowledgeWording.rightAnswers(item.question).map { "“\(HTMLEscaping.pollText($0))”" }.joined(separator: " and ")
            return "<li>\(HTMLEscaping.pollText(item.question.ask)) (right: \(right)) — \(HTMLText.escape(KnowledgeWording.numbers(item)))</li>"
        }.joined(separator: "\n") + "\n</ol>\n"
        html += QuestionSection.folded(itemTable(k).html + scoreTable(k).html, summary: "The knowledge check’s tables")
        return html + "<p class=\"muted\">\(HTMLText.escape(KnowledgeWording.thresholds))</p>\n</section>\n"
    }

    /// Per question, one bar per round: % right with its 95% interval.
    static func rightChart(_ k: KnowledgeAnalysis) -> String {
        let groups = k.items.map { item in
            (label: item.question.ask, bars: item.rounds.map { round in
                BeforeAfterBars.Bar(round: round.round, percent: round.percent ?? 0,
                                    label: "\(KnowledgeAnalysis.percentText(round.percent)) (\(round.correct) of \(round.respondents))",
                                    interval: round.interval)
            })
        }
        let drawn = BeforeAfterBars.grouped(groups)
        let description = k.items.map { item in
            "\(item.question.ask): " + item.rounds.map { round in
                "\(HTMLReport.roundTitle(round.round)) \(KnowledgeAnalysis.percentText(round.percent)) right (\(round.correct) of \(round.respondents)"
                    + (round.interval.map { ", 95% CI \(ReportWording.interval($0))" } ?? "") + ")"
            }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
        return "<h3>Right answers per question</h3>\n<figure>\n" + SVGChart.frame(id: "knowledge-right", title: "Share answering right, per question and round (bars: 95% intervals)",
                                             description: description, height: drawn.height, body: drawn.body) + "</figure>\n"
    }

    /// How many paired participants gained how much: one bar per band, from worse to everything learned.
    static func gainChart(_ k: KnowledgeAnalysis) -> String {
        guard !k.individualGains.isEmpty else { return "" }
        let bands = GainBand.bands(k.individualGains)
        let total = Double(k.individualGains.count)
        let groups = bands.map { band in
            (label: band.short, bars: [BeforeAfterBars.Bar(round: "", percent: 100 * Double(band.count) / total,
                                                          label: "\(band.count) (\(NumberText.percent(100 * Double(band.count) / total)))")])
        }
        let drawn = BeforeAfterBars.grouped(groups)
        let description = "Of \(k.individualGains.count) people who took the check twice and could gain: "
            + bands.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "."
        var html = "<h3>Who learned how much: each person’s normalized gain</h3>\n<figure>\n" + SVGChart.frame(id: "knowledge-gains", title: "Each person’s normalized gain: how many in each band",
                                                 description: description, height: drawn.height, body: drawn.body)
        if let note = KnowledgeWording.perfectFirst(k) { html += "<figcaption>\(HTMLText.escape(note))</figcaption>\n" }
        return html + "</figure>\n"
    }

    static func itemTable(_ k: KnowledgeAnalysis) -> HTMLTable {
        let rounds = k.rounds.map { HTMLText.escape(HTMLReport.roundTitle($0.round)) }
        return HTMLTable(caption: "Right answers per question", columns: ["Question", "Right answer"] + rounds.map { "\($0) % right (n)" }
                            + ["Paired", "Learned", "Lost", "Change (points)", "95% CI", "McNemar"],
                         rows: k.items.map { item in
                             [HTMLEscaping.pollText(item.question.ask),
                              KnowledgeWording.rightAnswers(item.question).map(HTMLEscaping.pollText).joined(separator: ", ")]
                                 + k.rounds.map { round in
                                     guard let shown = item.rounds.first(where: { $0.round == round.round }) else { return "–" }
                                     return "\(KnowledgeAnalysis.percentText(shown.percent)) (\(shown.respondents))"
                                 }
                                 + [String(item.paired), String(item.gained), String(item.lost),
                                    item.pairedChange.map(KnowledgeWording.sign) ?? "–", HTMLReport.interval(item.pairedInterval),
                                    item.test.map { HTMLText.escape(PValue.text($0.pValue)) } ?? "–"]
                         }, textColumns: [1])
    }

    static func scoreTable(_ k: KnowledgeAnalysis) -> HTMLTable {
        var rows = k.rounds.map { round in
            ["\(HTMLText.escape(HTMLReport.roundTitle(round.round))): mean % right", "\(KnowledgeAnalysis.percentText(round.meanPercent)) of \(round.participants)"]
        }
        rows += [["Paired change (points)", (k.meanChange.map(KnowledgeWording.sign) ?? "–") + " (95% CI \(HTMLReport.interval(k.meanInterval)))"],
                 ["Paired t, Wilcoxon", [k.pairedT, k.wilcoxon].map { $0.map { HTMLText.escape(PValue.text($0.pValue)) } ?? "–" }.joined(separator: "; ")],
                 ["Normalized gain (class, mean of each person’s)", [k.classGain, k.meanIndividualGain].map { $0.map { NumberText.decimal($0, places: 2) } ?? "–" }.joined(separator: ", ")],
                 ["Improved, same, worse", "\(k.improved), \(k.same), \(k.worse)"]]
        rows += k.rounds.map { round in
            ["\(HTMLText.escape(HTMLReport.roundTitle(round.round))): consistency (KR-20)",
             round.reliability.map { NumberText.decimal($0, places: 2) + " (\(round.complete) complete)" } ?? "–"]
        }
        return HTMLTable(caption: "The check as a whole", columns: ["Measure", "Value"], rows: rows)
    }
}
