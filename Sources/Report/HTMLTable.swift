/// A data table of the HTML report: a caption, column headers, and rows whose first cell heads
/// the row. Cells are HTML already: callers escape poll text (`HTMLEscaping.pollText`).
struct HTMLTable {
    var caption: String
    var columns: [String]
    var rows: [[String]]
    /// Columns (by index; the row header is column 0) holding words rather than numbers.
    var textColumns: Set<Int> = []
    /// Rows (by index) to emphasise, e.g. the primary test.
    var emphasised: Set<Int> = []

    var html: String {
        var out = "<div class=\"table-wrap\">\n<table>\n<caption>\(caption)</caption>\n<thead><tr>"
        out += columns.map { "<th scope=\"col\">\($0)</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            out += emphasised.contains(r) ? "<tr class=\"emphasis\">" : "<tr>"
            for (c, cell) in row.enumerated() {
                if c == 0 {
                    out += "<th scope=\"row\">\(cell)</th>"
                } else {
                    out += textColumns.contains(c) ? "<td class=\"text\">\(cell)</td>" : "<td>\(cell)</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }
}
