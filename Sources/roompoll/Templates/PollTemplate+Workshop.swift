extension PollTemplate {
    static let workshop = PollTemplate(name: "workshop", summary: "a before/after workshop: who is in the room, where they join from, four key questions, a closing takeaway", text: #"""
        # A before/after workshop: the same key questions at the start (opening round) and at the
        # end (closing round), to see how the room's views moved. Edit the words, keep the shape,
        # then: roompoll check THIS-FILE, and roompoll run THIS-FILE to run it.
        # Every key is explained in the README, "Poll files".

        title: Your workshop's question, in a few words   # required: shown on the wall and on phones
        event: Workshop, 90 minutes, hybrid               # optional: a line under the title
        language: en                                      # the language of the poll's text (fr, es, ar, zh-Hans, …)
        rounds: [opening, closing]                        # the rounds, in order (these two are the default)
        pace: audience                                    # audience: everyone answers at their own speed;
                                                          # presenter: one question at a time, when you open it

        # Audience Q&A: questions from phones, upvotes, moderation, and equal time for the room and
        # online. `place` names the question below that tells where someone is; `room` which of its
        # options means the room.
        qa: {moderation: on, place: where, room: In the room}

        # The agenda shows on the console; `opens` marks the part that opens a round.
        agenda:
          - {part: Introduction and opening poll, minutes: 10, opens: opening}
          - {part: Discussion, minutes: 40}
          - {part: Audience Q&A, minutes: 30}
          - {part: Closing poll and remarks, minutes: 10, opens: closing}

        questions:
          # Segment questions (`segment: true`) break every other result down by their answer.
          # Asked once, in the opening round: people keep their group.
          - id: group                   # a stable id: letters, digits, - and _
            kind: single                # one option
            segment: true
            rounds: [opening]           # asked in these rounds only (default: every round)
            ask: Which stakeholder group do you belong to?
            options: [Civil society, Government, Private sector, Technical community, Academia, Other]

          - id: where
            kind: single
            segment: true
            rounds: [opening]
            ask: Where are you joining from?
            options: [In the room, Online]

          # The key questions: asked in both rounds, compared in the report.
          - id: key-agree
            kind: likert                # an agree scale: Strongly disagree … Strongly agree
            ask: A statement the workshop will discuss, for people to agree or disagree with.

          - id: key-choice
            kind: single
            ask: A question with a few answers to choose from?
            options: [Yes, No, Not sure]

          - id: key-priorities
            kind: multi                 # several options
            max: 2                      # at most this many
            ask: Which two matter most?
            options: [The first priority, The second, The third, The fourth]

          - id: key-confidence
            kind: scale                 # a whole number from min to max
            min: 0
            max: 10
            ask: How confident are you that this will change in the next year? (0 = not at all, 10 = completely)

          # Free text is shown, never tested: a takeaway for the closing round.
          - id: takeaway
            kind: text                  # up to 280 characters
            rounds: [closing]
            ask: One thing you take away from today.

        """#)
}
