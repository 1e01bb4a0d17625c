extension PollTemplate {
    static let training = PollTemplate(name: "training", summary: "a training with a knowledge check: questions with a right answer, asked before and after, and the learning gain", text: #"""
        # A training: factual questions with a right answer (`correct:`), asked at the start and at
        # the end, show what the training taught (the report's knowledge check: % right per question,
        # the room's normalized gain, who improved). An opinion question shows whether confidence
        # moved too. Edit the words, keep the shape, then: roompoll check THIS-FILE, and
        # roompoll run THIS-FILE to run it. Every key is explained in the README, "Poll files".
        #
        # Write each right answer so that it is right without doubt, and the wrong ones plausible:
        # a question everyone gets right, or that has two defensible answers, measures nothing.
        # The right answer is never shown while a round that asks the question is open.

        title: Your training's title                      # required
        event: One-day training                           # optional: a line under the title
        language: en                                      # the language of the poll's text
        rounds: [opening, closing]                        # the rounds, in order

        agenda:                                           # optional: the parts of the day, on the console
          - {part: Opening poll, minutes: 5, opens: opening}
          - {part: First module, minutes: 90}
          - {part: Second module, minutes: 90}
          - {part: Closing poll, minutes: 5, opens: closing}

        # Each question has a stable `id` (letters, digits, - and _: used in exports and reports), a
        # `kind`, the `ask` people see and, for choices, its `options` (at least two, each different).
        questions:
          # A segment question breaks the results down by group (asked once).
          - id: role
            kind: single                # one option
            segment: true               # breaks the other results down by this answer
            rounds: [opening]           # asked in these rounds only (default: every round)
            ask: What is your main work?
            options: [Human rights defender, Journalist, Lawyer or paralegal, Other]

          # An opinion question, asked in both rounds.
          - id: confidence
            kind: likert                # Strongly disagree … Strongly agree
            ask: I know how to protect my work and the people I work with.

          # Knowledge questions: `correct` names the right option (its label, or its number).
          - id: knowledge-one
            kind: single
            ask: A factual question the training answers?
            options: [A wrong but plausible answer, The right answer, Another wrong answer]
            correct: The right answer

          # For `multi`, the right options as a list: an answer is right with all of them and only them.
          - id: knowledge-two
            kind: multi                 # several options
            ask: Which of these are true? Choose all that apply.
            options: [A true statement, Another true statement, A false statement, Another false statement]
            correct: [A true statement, Another true statement]

          - id: knowledge-three
            kind: single
            ask: A third factual question?
            options: [The right answer, A wrong answer, I don't know]
            correct: 1                  # the first option
            # knowledge: false          # would leave a question with a right answer out of the check

          - id: takeaway
            kind: text                  # free text, up to 280 characters: shown, never tested
            rounds: [closing]
            ask: One thing you will do differently after today.

        """#)
}
