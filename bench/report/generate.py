"""Writes the report benchmark's answers as import CSV: PARTICIPANTS participants × 10
questions × 2 rounds (1,000,000 rows for 50,000), views drifting between the rounds. Seeded."""
import csv
import random
import sys

participants = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
rng = random.Random(2026)
likert = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["participant", "round", "question", "answer"])


def answers(lean):
    def pick(options):
        return options[min(len(options) - 1, max(0, int(rng.gauss(lean * (len(options) - 1), 1.0) + 0.5)))]
    return {
        "q1": pick(["No", "Not sure", "Yes"]),
        "q2": pick(["A", "B", "C", "D"]),
        "q3": pick(["Left", "Right"]),
        "q4": ";".join(rng.sample(["One", "Two", "Three", "Four"], rng.randint(1, 2))),
        "q5": ";".join(rng.sample(["Red", "Green", "Blue", "Grey", "White"], rng.randint(1, 3))),
        "q6": pick(likert), "q7": pick(likert), "q8": pick(likert),
        "q9": str(min(10, max(0, int(rng.gauss(lean * 10, 2))))),
        "q10": ">".join(sorted(["Courts", "Press", "Streets", "Parliament"], key=lambda o: rng.random() + (lean if o == "Press" else 0))),
    }


for p in range(participants):
    token = f"p{p:07d}-bench-participant"
    lean = rng.random()
    for round_name, drift in (("opening", 0.0), ("closing", 0.15)):
        for question, answer in answers(min(1.0, lean + drift)).items():
            out.writerow([token, round_name, question, answer])
