/// Reads a section's role from its title, and knows the cues that open a conclusion.
public enum SectionRoles {
    /// Title words for each role, as the transcription format lists them.
    public static let keywords: [(phrase: [String], role: SectionRole)] = [
        (["critical", "analysis"], .analysis), (["critical", "evaluation"], .analysis),
        (["concluding", "remarks"], .conclusion), (["final", "thoughts"], .conclusion),
        (["way", "forward"], .wayForward), (["policy", "options"], .wayForward),
        (["historical", "perspective"], .background), (["historical", "background"], .background),
        (["introduction"], .introduction), (["intro"], .introduction), (["prologue"], .introduction),
        (["conclusion"], .conclusion), (["epilogue"], .conclusion),
        (["challenges"], .challenges), (["hurdles"], .challenges), (["obstacles"], .challenges),
        (["hindrances"], .challenges), (["impediments"], .challenges), (["problems"], .challenges),
        (["constraints"], .challenges), (["challenge"], .challenges),
        // A section on the case's limits or its critics plays the challenges' part (finding review 15: p05).
        (["limits"], .challenges), (["limitations"], .challenges), (["criticism"], .challenges),
        (["suggestions"], .wayForward), (["recommendations"], .wayForward), (["measures"], .wayForward),
        (["remedies"], .wayForward), (["solutions"], .wayForward), (["reforms"], .wayForward),
        (["way", "ahead"], .wayForward), (["way", "out"], .wayForward), (["lessons"], .wayForward),
        // The question's second part in its own words: "What Pakistan should do", "What the state must do".
        (["should", "do"], .wayForward), (["must", "do"], .wayForward),
        (["background"], .background), (["history"], .background),
        (["analysis"], .analysis), (["evaluation"], .analysis),
    ]

    /// Phrases that open a concluding paragraph in an answer without headings.
    public static let concludingCues: [[String]] = [
        ["to", "conclude"], ["in", "conclusion"], ["to", "sum", "up"], ["in", "a", "nutshell"], ["conclusively"],
        ["to", "summarise"], ["to", "summarize"], ["in", "summary"], ["summing", "up"], ["all", "in", "all"],
        ["in", "the", "end"], ["in", "short"], ["to", "wind", "up"], ["in", "a", "word"],
        // A judgment weighed up closes as well (finding review 15: q09, "Weighing both sides, I believe …").
        ["on", "balance"], ["weighing", "both", "sides"], ["weighing", "the", "two", "sides"],
        ["all", "things", "considered"], ["taking", "everything", "into", "account"],
        ["in", "the", "final", "analysis"],
        ["having", "weighed"],
    ]

    /// The role a title names: the keyword that appears earliest in it wins.
    public static func role(for title: String) -> SectionRole? {
        if let found = ASCIIRoleWords.role(for: title) { return found }
        return plainRole(for: title)
    }

    /// `role(for:)` over `lowercaseWords`: the reference the ASCII path must agree with.
    static func plainRole(for title: String) -> SectionRole? {
        let words = lowercaseWords(title)
        for start in words.indices {
            for (phrase, role) in keywords where start + phrase.count <= words.count && words[start] == phrase[0] {
                if words[start..<(start + phrase.count)].elementsEqual(phrase) { return role }
            }
        }
        return nil
    }

    /// True when a title is nothing but a role name (`Introduction`, `Way Forward`).
    static func isRoleName(_ title: String) -> Bool {
        if let found = ASCIIRoleWords.isRoleName(title) { return found }
        return plainIsRoleName(title)
    }

    /// `isRoleName` over `lowercaseWords`: the reference the ASCII path must agree with.
    static func plainIsRoleName(_ title: String) -> Bool {
        let words = lowercaseWords(title)
        return keywords.contains { $0.phrase == words }
    }

    /// True when a sentence of the text after its first opens with a concluding cue, after a leading
    /// "but", "so" or "and" ("… But in the end I will say that …"): a paragraph that ends by concluding.
    public static func hasConcludingSentence(_ text: String) -> Bool {
        var rest = Substring(text)
        while let stop = rest.firstIndex(where: { $0 == "." || $0 == "?" || $0 == "!" }) {
            rest = rest[rest.index(after: stop)...]
            guard rest.first == " " || rest.first == "\n" else { continue }
            if opensConcluding(lowercaseWords(String(rest.prefix(60)))) { return true }
        }
        return false
    }

    /// True when a sentence's lowercase words open with a concluding cue, after a leading "but", "so" or "and".
    public static func opensConcluding(_ words: [String]) -> Bool {
        var words = words[...]
        if let first = words.first, first == "but" || first == "so" || first == "and" { words = words.dropFirst() }
        return concludingCues.contains { cue in
            words.count >= cue.count && words.prefix(cue.count).elementsEqual(cue) && !Self.namesAThing(cue, in: words)
        }
    }

    /// True when a cue's words go on to name a thing rather than weigh up ("on balance of payments").
    static func namesAThing<Words: Collection<String>>(_ cue: [String], in words: Words) -> Bool {
        cue == ["on", "balance"] && words.dropFirst(cue.count).first == "of"
    }

    /// True when the text opens with a concluding cue such as "to conclude" or "in a nutshell".
    public static func opensWithConcludingCue(_ text: String) -> Bool {
        let words = lowercaseWords(String(text.prefix(60)))
        return concludingCues.contains { cue in
            words.count >= cue.count && words[0..<cue.count].elementsEqual(cue) && !namesAThing(cue, in: words)
        }
    }
}
