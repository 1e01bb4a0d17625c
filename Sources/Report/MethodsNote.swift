import Analysis
import PollCore

/// The methods note that closes the HTML report: which tests and intervals are used, how the
/// primary test is chosen and adjusted, and when the report calls a shift clear.
enum MethodsNote {
    static var html: String {
        let alpha = NumberText.decimal(ShiftAnalysis.alpha, places: 2)
        let exact = StatisticalTests.exactRankLimit
        return """
            <section id="methods" aria-labelledby="methods-heading">
            <h2 id="methods-heading">Methods</h2>
            <p>Each question compares the first round it was asked in with the last. Percentages are of each round’s \
            respondents; a change is the last round minus the first, in percentage points, computed from the unrounded \
            shares. Paired participants are the people who answered the question in both rounds; those whose answer \
            differs “answered differently” — the report records what people answered, not why. Every test is \
            two-sided.</p>
            <ul>
            <li><strong>Primary test.</strong> Each question has at most one. It is paired — on the participants who \
            answered in both rounds — whenever they are at least half of the smaller round’s respondents, so the same \
            people are never tested as if they were independent; otherwise (few people answered both rounds) the two \
            rounds’ answers are compared as independent samples. A paired test that cannot be run (nobody switched to \
            or from the option, nobody answered differently) leaves the question untested rather than falling back to \
            a test of the other design.</li>
            <li><strong>Exact tests for small rooms.</strong> The McNemar mid-p test and Fisher’s tests are exact. \
            The rank tests are exact — counted over every equally likely sign or split of the ranks, ties included — \
            up to \(exact) nonzero differences (paired) or \(exact) answers in both rounds together (unpaired), and \
            use the normal approximation above. The χ² test is replaced by the Fisher–Freeman–Halton exact test when \
            its expected counts are small (any below 1, or more than a fifth below 5: Cochran’s rule). When every \
            paired participant moved a number scale by the same amount, the paired t test is undefined and the exact \
            signed-rank test — then the sign test — is used.</li>
            <li><strong>Holm adjustment.</strong> The primary p-values of all questions in the session are adjusted together \
            with Holm’s method. A question shows a <em>clear shift</em> only when its Holm-adjusted p &lt; \(alpha) and the \
            95% confidence interval of its change (where the test has one) excludes 0; otherwise it is “not a clear shift”. The other tests are \
            shown for reference and are not adjusted.</li>
            <li><strong>Intervals.</strong> 95% intervals for a change in a percentage are Newcombe’s intervals, \
            for independent rounds and for paired participants; for a change in a mean, t intervals (Welch’s \
            for the rounds, paired for the participants).</li>
            <li><strong>Single choice.</strong> χ² test of homogeneity without continuity correction (effect size \
            Cramér’s V), or the Fisher–Freeman–Halton exact test; McNemar mid-p test for the leading option and the \
            Stuart–Maxwell test of marginal homogeneity (on the options someone switched to or from) on the paired \
            participants.</li>
            <li><strong>Multiple choice.</strong> Fisher’s exact test per option on the rounds; McNemar mid-p test per \
            option on the paired participants.</li>
            <li><strong>Agreement scales.</strong> Wilcoxon signed-rank test with Pratt’s treatment of zero differences \
            (paired) and Mann–Whitney U test with continuity correction (rounds; effect size the probability of \
            superiority). Agreement is the share choosing one of the top two labels (the top one on scales of two or \
            three labels).</li>
            <li><strong>Number scales.</strong> Paired t test and Welch’s t test (effect size the mean difference); \
            the signed-rank and Mann–Whitney tests where a t test is undefined (no variance).</li>
            <li><strong>Rankings.</strong> Per option, Wilcoxon signed-rank (paired) and Mann–Whitney U (rounds) on its \
            rank positions.</li>
            <li><strong>Show of hands.</strong> Counts taken by show of hands count in the counts, percentages and \
            unpaired tests, but are never paired: nobody’s individual answer is known.</li>
            <li><strong>Small rooms.</strong> With fewer than \(ShiftAnalysis.smallRoom) participants the summary \
            says how many points one person is worth and how precisely a percentage is known.</li>
            <li><strong>Groups (exploratory).</strong> Per segment and question, each group’s change on the room’s \
            headline measure with its 95% interval, the gap between the highest and the lowest group in each round, and a \
            test that every group changed alike: the one-way ANOVA of the paired participants’ changes (paired design) or \
            Cochran’s Q of the groups’ changes weighed by their variances (Agresti–Caffo for a percent; rounds compared as samples), Holm-adjusted across the report’s group \
            comparisons. Groups need two answers per round; a multiple-choice segment’s groups overlap and are not compared. \
            These comparisons never change a verdict.</li>
            <li><strong>Knowledge checks.</strong> A participant’s score in a round is the share of the knowledge \
            questions they answered that they got right (multiple choice: all the right options and only them). Per \
            question: % right with Wilson’s 95% interval, and on the paired participants Newcombe’s paired interval and \
            the McNemar mid-p test of right against wrong. For the check: the paired participants’ mean change of score \
            with its t interval, the paired t test and the Wilcoxon signed-rank test (exact up to \(exact) nonzero \
            differences) — the change is called clear when the t test’s p &lt; \(alpha) and its interval excludes 0 (when \
            everyone’s score changed alike, when the signed-rank test’s p is) —; Hake’s normalized gain \
            (after − before)/(100 − before) on their mean score (the class gain) and averaged over each person’s own \
            gain (those with a perfect first score left out and counted), low below 0.3, medium from 0.3, high from \
            0.7, none at exactly 0 (Hake 1998, Am. J. Phys. 66:64); the scores count only the questions asked in both \
            rounds; the consistency of the check in each round as Cronbach’s α of the \
            right/wrong answers (= Kuder–Richardson 20) among those who answered every question, low below 0.7 \
            (Nunnally 1978). These tests are not Holm-adjusted with the questions’ primary tests.</li>
            <li><strong>Not tested.</strong> Words and free text are described, not tested.</li>
            </ul>
            </section>

            """
    }
}
