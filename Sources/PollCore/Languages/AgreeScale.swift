/// The five-point agree scale a likert question uses when it names no labels, in the
/// languages roompoll's interface speaks.
public enum AgreeScale {
    public static let english = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]

    static let labels: [String: [String]] = [
        "en": english,
        "fr": ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
        "es": ["Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo", "Totalmente de acuerdo"],
        "ar": ["أعارض بشدة", "أعارض", "لا أوافق ولا أعارض", "أوافق", "أوافق بشدة"],
        "zh": ["非常不同意", "不同意", "既不同意也不反对", "同意", "非常同意"],
        "ru": ["Полностью не согласен", "Скорее не согласен", "Ни да, ни нет", "Скорее согласен", "Полностью согласен"],
    ]

    /// The scale in `language` (nil: English), or nil when roompoll has none in it. Chinese
    /// is in simplified characters: a `zh-Hant` poll names its own labels.
    public static func labels(in language: String?) -> [String]? {
        guard let language else { return english }
        let lowered = language.lowercased()
        if LanguageTag.primary(lowered) == "zh", LanguageTag.isTraditionalChinese(lowered) { return nil }
        return labels[LanguageTag.primary(lowered)]
    }

    /// The languages the scale is built in.
    public static var languages: [String] { labels.keys.sorted() }
}
