extension PollTemplate {
    static let panel = PollTemplate(name: "panel", summary: "a panel in presenter pace: one question at a time as the moderator opens it, a ranking and a word cloud", text: #"""
        # A panel or keynote in presenter pace: the moderator opens one question at a time (Space on
        # the console) and the room answers only that one, before the panel and again after it.
        # Edit the words, keep the shape, then: roompoll check THIS-FILE, and roompoll run THIS-FILE
        # to run it. Every key is explained in the README, "Poll files".

        title: Your panel's topic                         # required
        event: Panel and open discussion, 60 minutes      # optional: a line under the title
        language: en                                      # the language of the poll's text
        rounds: [opening, closing]                        # before the panel, and after it
        pace: presenter                                   # one question at a time, when the moderator opens it
        results-on-phones: true                           # revealed results show on phones too (false: only on the wall)

        # The agenda shows on the console (t moves through it); `opens` marks the part that opens a round.
        agenda:
          - {part: Opening poll, minutes: 5, opens: opening}
          - {part: Panel, minutes: 35}
          - {part: Open discussion, minutes: 15}
          - {part: Closing poll, minutes: 5, opens: closing}

        # The questions, in the order the moderator opens them. Each has a stable `id` (letters,
        # digits, - and _: used in exports and reports), a `kind` and the `ask` people see.
        questions:
          - id: sector
            kind: single                # one option from `options`
            segment: true               # breaks the other results down by sector
            rounds: [opening]           # asked in these rounds only (default: every round)
            ask: Which sector do you work in?
            options: [Civil society, Government, Private sector, Academia, Other]

          - id: statement
            kind: likert                # an ordered scale, compared before and after
            labels: [Not at all, Slightly, Somewhat, Very much, Completely]   # your own scale, lowest first
            ask: How much do you agree with the panel's central claim?

          - id: priorities
            kind: ranking               # put every option in order, most important first
            ask: Put these in order of priority, the most important first.
            options: [First option, Second option, Third option, Fourth option]

          - id: one-word
            kind: words                 # up to three short words each: a word cloud
            ask: The topic in one word.

        """#)
}
