import Analysis
import PollCore

/// The paired participants' turnover as a flow chart: their first-round answers in the left
/// column, their last-round answers in the right, joined by bands as thick as the number of
/// people who moved that way (grey: same answer, blue: answered differently). Empty answers
/// and empty cells are left out; the transition table carries every number.
enum TurnoverFlow {
    static let labelColumns = 22
    static let leftNode = 190.0
    static let rightNode = 438.0
    static let nodeWidth = 12.0
    static let top = 30.0
    static let nodeGap = 8.0
    static let sameColour = "#8a94a0"
    static let differentColour = "#1f4e99"

    /// The chart and its legend; nil without paired answers.
    static func render(_ shift: QuestionShift, id: String) -> String? {
        guard let table = shift.paired?.transitions, let first = shift.rounds.first, let last = shift.rounds.last else { return nil }
        let size = table.count
        let total = table.reduce(0) { $0 + $1.reduce(0, +) }
        guard size > 0, total > 0, table.allSatisfy({ $0.count == size }) else { return nil }
        let labels = (0..<size).map { label(shift, $0) }
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnTotals = (0..<size).map { j in table.reduce(0) { $0 + $1[j] } }
        let leftNodes = (0..<size).filter { rowTotals[$0] > 0 }, rightNodes = (0..<size).filter { columnTotals[$0] > 0 }
        let most = max(leftNodes.count, rightNodes.count)
        let height = max(160, 34 * Double(most))
        let scale = (height - nodeGap * Double(most - 1)) / Double(total)

        func positions(_ nodes: [Int], _ totals: [Int]) -> [Int: Double] {
            var y = top, result: [Int: Double] = [:]
            for node in nodes {
                result[node] = y
                y += Double(totals[node]) * scale + nodeGap
            }
            return result
        }
        let leftY = positions(leftNodes, rowTotals), rightY = positions(rightNodes, columnTotals)

        var body = SVGChart.text(SVGChart.fit(HTMLReport.roundTitle(first.round), labelColumns), x: leftNode + nodeWidth, y: 14,
                                 anchor: "end", bold: true)
        body += SVGChart.text(SVGChart.fit(HTMLReport.roundTitle(last.round), labelColumns), x: rightNode, y: 14, bold: true)
        var leftOffset = leftY, rightOffset = rightY
        let x0 = leftNode + nodeWidth, x1 = rightNode, xm = (x0 + x1) / 2
        for i in leftNodes {
            for j in 0..<size where table[i][j] > 0 {
                guard let y0 = leftOffset[i], let y1 = rightOffset[j] else { continue }
                let thickness = Double(table[i][j]) * scale
                let n = SVGChart.number
                body += "<path d=\"M\(n(x0)) \(n(y0)) C\(n(xm)) \(n(y0)) \(n(xm)) \(n(y1)) \(n(x1)) \(n(y1)) "
                    + "L\(n(x1)) \(n(y1 + thickness)) C\(n(xm)) \(n(y1 + thickness)) \(n(xm)) \(n(y0 + thickness)) \(n(x0)) \(n(y0 + thickness)) Z\" "
                    + "fill=\"\(i == j ? sameColour : differentColour)\" fill-opacity=\"0.55\"/>\n"
                leftOffset[i] = y0 + thickness
                rightOffset[j] = y1 + thickness
            }
        }
        for i in leftNodes {
            let y = leftY[i] ?? top, h = Double(rowTotals[i]) * scale
            body += SVGChart.rect(x: leftNode, y: y, width: nodeWidth, height: h, fill: SVGChart.ink)
            body += SVGChart.text(SVGChart.isolated(SVGChart.fit(labels[i], labelColumns)) + " (\(rowTotals[i]))", x: leftNode - 6, y: y + h / 2, anchor: "end")
        }
        for j in rightNodes {
            let y = rightY[j] ?? top, h = Double(columnTotals[j]) * scale
            body += SVGChart.rect(x: rightNode, y: y, width: nodeWidth, height: h, fill: SVGChart.ink)
            body += SVGChart.text(SVGChart.isolated(SVGChart.fit(labels[j], labelColumns)) + " (\(columnTotals[j]))", x: rightNode + nodeWidth + 6, y: y + h / 2)
        }
        let svg = SVGChart.frame(id: id, title: "How the \(total) paired participants answered in the \(first.round) and the \(last.round) round: \(shift.question.ask)",
                                 description: description(table, labels: labels, first: first.round, last: last.round),
                                 height: top + height + 8, body: body)
        return svg + SVGChart.legend([(label: "same answer in both rounds", fill: sameColour, opacity: 1),
                                      (label: "answered differently", fill: differentColour, opacity: 0.55)])
    }

    /// "Opening answer → closing answer of each paired participant: Agree → Agree 10, …".
    static func description(_ table: [[Int]], labels: [String], first: String, last: String) -> String {
        var cells: [String] = []
        for (i, row) in table.enumerated() {
            for (j, count) in row.enumerated() where count > 0 {
                cells.append("\(labels[i]) → \(labels[j]) \(count)")
            }
        }
        return "\(HTMLReport.roundTitle(first)) answer → \(last) answer, people: " + cells.joined(separator: ", ") + "."
    }

    /// The transition table: first-round answers as rows, last-round answers as columns.
    /// Tables larger than `compactAbove` leave out answers nobody gave in either column.
    static func table(_ shift: QuestionShift, compactAbove: Int = 7) -> HTMLTable? {
        guard let table = shift.paired?.transitions, let first = shift.rounds.first, let last = shift.rounds.last else { return nil }
        let size = table.count
        guard size > 0, table.allSatisfy({ $0.count == size }) else { return nil }
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnTotals = (0..<size).map { j in table.reduce(0) { $0 + $1[j] } }
        let compact = size > compactAbove
        let rows = (0..<size).filter { !compact || rowTotals[$0] > 0 }
        let columns = (0..<size).filter { !compact || columnTotals[$0] > 0 }
        var caption = "Paired participants: \(HTMLText.escape(first.round)) answer (rows) by \(HTMLText.escape(last.round)) answer (columns)"
        if rows.count < size || columns.count < size { caption += "; answers nobody gave are left out" }
        return HTMLTable(
            caption: caption + ".",
            columns: ["\(HTMLText.escape(HTMLReport.roundTitle(first.round))) \\ \(HTMLText.escape(last.round))"]
                + columns.map { HTMLEscaping.pollText(label(shift, $0)) } + ["Total"],
            rows: rows.map { i in
                [HTMLEscaping.pollText(label(shift, i))] + columns.map { String(table[i][$0]) } + [String(rowTotals[i])]
            } + [["Total"] + columns.map { String(columnTotals[$0]) } + [String(rowTotals.reduce(0, +))]])
    }

    static func label(_ shift: QuestionShift, _ index: Int) -> String {
        let rows = shift.rounds.first?.rows ?? []
        return index < rows.count ? rows[index].label : String(index + 1)
    }
}
