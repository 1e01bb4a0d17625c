import PollCore
/// Poll text in the HTML report: escaped (`HTMLText`), isolated by direction, or made into ids.
enum HTMLEscaping {
    /// The language of the poll's text in the report being written (nil: English), set by
    /// `HTMLReport` around its rendering: the report's own words are English.
    @TaskLocal static var pollLanguage: String?

    /// Poll text, escaped and isolated with `dir="auto"` so that right-to-left scripts display
    /// correctly inside English sentences, and marked with its language when it is not English.
    static func pollText(_ text: String) -> String {
        let lang = pollLanguage.map { " lang=\"\(HTMLText.escape($0))\"" } ?? ""
        return "<span\(lang) dir=\"auto\">\(HTMLText.escape(text))</span>"
    }

    /// A piece of an element id made from poll text: ASCII letters, digits, `-` and `_` are
    /// kept, anything else becomes `-`. Callers prefix an index, so ids stay unique.
    static func idFragment(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(scalar)
            default: return "-"
            }
        })
    }
}
