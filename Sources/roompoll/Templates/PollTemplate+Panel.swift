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

        agenda:
          - {part: Opening poll, minutes: 5, opens: opening}
          - {part: Panel, minutes: 35}
          - {part: Open discussion, minutes: 15}
          - {part: Closing poll, minutes: 5, opens: closing}

        questions:
          - id: sector
            kind: single
            segment: true               # breaks the other results down by sector
            rounds: [opening]
            ask: Which sector do you work in?
            options: [Civil society, Government, Private sector, Academia, Other]

          - id: statement
            kind: likert
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
