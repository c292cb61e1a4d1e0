/// Whether a sentence tells of the past, read from its words and, when it has no cue of its own, from the
/// sentences around it in its paragraph: an agreement slip in a story of the past ("My father give our
/// bags to a coolie") takes the past form ('gave'), not the present with -s ('gives').
///
/// The cues are the closed classes `@past-cue` ('was', 'did', 'yesterday', 'ago'), `@present-cue` ('is',
/// 'has', 'will', 'now'), `@present-cue-after-subject` ('have' and 'do' after their subject) and
/// `@time-noun` ('last year', 'last week'); a past form after its subject ('we reached', 'the bear
/// came'); a verb with -s after a singular subject ('she tells'); 'in' before a year ('in 1919'); and a
/// sentence that opens with 'once' or 'one day'.
struct NarrativeTense {
    /// A word that tells the time a sentence is set in.
    struct Cue {
        var token: Int
        var past: Bool
    }

    /// Why a slip stands in a story of the past: the word that says so and where it stands.
    struct Reason {
        /// The cue as written ('were', 'in 1919').
        var words: String
        /// Where: "this sentence", "the sentence before"…
        var place: String
    }

    let c: GradingContext
    let m: LanguageMatcher
    let pastCue: UInt64, presentCue: UInt64, afterSubject: UInt64, timeNoun: UInt64, subject: UInt64

    init(_ c: GradingContext, _ m: LanguageMatcher) {
        self.c = c
        self.m = m
        pastCue = m.classes.bit("past-cue")
        presentCue = m.classes.bit("present-cue")
        afterSubject = m.classes.bit("present-cue-after-subject")
        timeNoun = m.classes.bit("time-noun")
        subject = m.classes.bit("subject")
    }

    /// Why the words `from..<to` stand in a passage told in the past, or nil when they do not (or the
    /// rubric's classes have no cues). The sentence's own cues decide, the nearest to the words when
    /// they disagree; a sentence without any takes the time of the nearest one in its paragraph that has
    /// some (before it first), by the most of its cues.
    func pastReason(from: Int, to: Int) -> Reason? {
        guard pastCue != 0, let s = sentence(containing: from) else { return nil }
        let own = cues(s)
        if !own.isEmpty {
            let nearest = own.min { a, b in
                let (x, y) = (distance(a, from, to), distance(b, from, to))
                return x < y || (x == y && !a.past && b.past)
            }!
            let decided = Set(own.map(\.past)).count == 1 ? own[0] : nearest
            guard decided.past else { return nil }
            return Reason(words: text(decided), place: "this sentence")
        }
        let paragraph = c.sentences[s].paragraph
        for step in 1...2 {
            for (n, place) in [
                (s - step, step == 1 ? "the sentence before" : "two sentences before"),
                (s + step, step == 1 ? "the sentence after" : "two sentences after"),
            ]
            where n >= 0 && n < c.sentences.count && c.sentences[n].paragraph == paragraph {
                let found = cues(n)
                guard !found.isEmpty else { continue }
                let past = found.filter(\.past)
                guard past.count * 2 > found.count, let first = past.first else { return nil }
                return Reason(words: text(first), place: place)
            }
        }
        return nil
    }

    /// The index of the sentence that holds token `k`.
    private func sentence(containing k: Int) -> Int? {
        var low = 0
        var high = c.sentences.count
        while low < high {
            let mid = (low + high) / 2
            if c.sentences[mid].tokens.upperBound <= k { low = mid + 1 } else { high = mid }
        }
        return low < c.sentences.count && c.sentences[low].tokens.contains(k) ? low : nil
    }

    private func distance(_ cue: Cue, _ from: Int, _ to: Int) -> Int {
        cue.token < from ? from - cue.token : cue.token - to + 1
    }

    /// The cue's words as written: 'in 1919' and 'last year' with the word before.
    private func text(_ cue: Cue) -> String {
        let k = cue.token
        let two = m.tokens[k].kind == .number || m.closed[k] & timeNoun != 0
        return two && k > 0 ? c.text(tokens: k - 1, k + 1) : m.tokens[k].text
    }

    /// The cues of sentence `s`, in order.
    private func cues(_ s: Int) -> [Cue] {
        let range = c.sentences[s].tokens
        var out: [Cue] = []
        if let opening = opening(range) { out.append(Cue(token: opening, past: true)) }
        for k in range where m.flags[k] & TokenFeatures.Flag.punctuation == 0 {
            if let past = cue(k, in: range) { out.append(Cue(token: k, past: past)) }
        }
        return out
    }

    /// The token of 'once' or 'day' when the sentence opens with 'once' before its subject or with 'one
    /// day' ("Once I forgot my lunch box", "One day they were going"), or nil.
    private func opening(_ range: Range<Int>) -> Int? {
        guard range.count > 2 else { return nil }
        let a = range.lowerBound
        if m.tokens[a].lower == "once", m.closed[a + 1] & subject != 0 || m.tokens[a + 1].lower == "upon" {
            return a
        }
        return m.tokens[a].lower == "one" && m.tokens[a + 1].lower == "day" ? a + 1 : nil
    }

    /// Whether token `k` tells of the past (true), of the present (false) or of neither (nil).
    private func cue(_ k: Int, in range: Range<Int>) -> Bool? {
        let closed = m.closed[k]
        let before = k > range.lowerBound ? k - 1 : nil
        if closed & pastCue != 0 { return true }
        if closed & presentCue != 0 { return false }
        if closed & afterSubject != 0 { return before.map { m.closed[$0] & subject != 0 } == true ? false : nil }
        guard let before else { return nil }
        if closed & timeNoun != 0 && m.tokens[before].lower == "last" { return true }
        if m.tokens[k].kind == .number { return m.tokens[before].lower == "in" && isYear(m.tokens[k]) ? true : nil }
        guard m.tokens[k].kind == .word, afterItsSubject(before) else { return nil }
        typealias D = LanguagePattern.Derived
        let bits = m.derivedClasses(k, stems: true)
        if bits & D.vd.bit != 0 || (bits & D.past.bit != 0 && m.closed[before] & subject != 0) { return true }
        if bits & D.vz.bit != 0 && bits & D.npl.bit == 0 { return false }
        return nil
    }

    /// True when token `k` can be the subject just before a verb: a subject pronoun, a singular or plural
    /// noun, or a name.
    private func afterItsSubject(_ k: Int) -> Bool {
        if m.closed[k] & subject != 0 { return true }
        guard m.flags[k] & TokenFeatures.Flag.word != 0, m.closed[k] == 0 || m.classes.allClosed[m.keys[k]] == nil
        else { return false }
        typealias D = LanguagePattern.Derived
        let bits = m.derivedClasses(k, stems: true)
        return bits & (D.nsg.bit | D.npl.bit | D.proper.bit) != 0
    }

    /// True for a number of four digits that can be a year of the past (1000 to 2099).
    private func isYear(_ t: Token) -> Bool {
        guard t.text.utf8.count == 4, let n = Int(t.text) else { return false }
        return n >= 1000 && n < 2100
    }
}
