/// Every part a question of several parts asks is taken up: its causes and its consequences, the measures it
/// asks for, the world's response, the lessons.
struct RelevanceQuestionParts: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let parts = ListParameter(
            "parts",
            [
                "causes: causes cause caused why factors = caus reason factor why root driver behind origin",
                "effects: implications implication consequences consequence impact impacts effects repercussions "
                    + "outcome outcomes = implicat consequen impact effect repercuss outcome fallout result "
                    + "significan cost benefit lesson",
                "measures: suggest remedies recommend recommendations solutions overcome tackled = "
                    + "@way-forward measure remed recommend suggest solution step strateg reform should must tackl "
                    + "overcome respon lesson prospect future",
                "response: respond responded response reaction reacted = @way-forward respon react international "
                    + "world global community sanction measure recommend strateg option should must",
                "lessons: lessons lesson = @way-forward lesson should must recommend",
            ],
            style: .json,
            """
            the parts a question may ask, each `NAME: ASKED = TITLES`: the question asks the part when one of its \
            words is one of ASKED (whole words, lowercase); a section takes it up when a word of its title or of a \
            parent's title begins with one of TITLES, or its role is one written `@role` (default {default})
            """)
        static let minShare = NumberParameter(
            "minShare", 0.05, minimum: 0, maximum: 1,
            """
            a part is taken up when the sections that take it up hold this share of the body's words (default \
            {default})
            """)
        static let titledShare = NumberParameter(
            "titledShare", 0.5, minimum: 0, maximum: 1,
            """
            the answer is judged only when sections with titles hold this share of the body's words: an answer \
            without headings shows its parts in prose the rule does not read (default {default})
            """)
        static let cap = NumberParameter(
            "cap", 0.6, minimum: 0, maximum: 1,
            "the share of the capped criteria's credit an answer keeps for each part it leaves out (default {default})")
        static let capCriteria = ListParameter(
            "capCriteria", ["arguments", "evidence"],
            "criteria capped when a part is left out (default {default})")
    }

    static let description = RuleDescription(
        id: "relevance-question-parts", criterion: "relevance",
        summary: """
            every part a question of several parts asks is taken up (its causes and its consequences, the measures, \
            the response, the lessons)
            """,
        rationale: """
            A question of two parts is two questions: an examiner marks an answer that develops the causes and leaves \
            out the measures, or tells the measures and never weighs their impact, as half an answer. Its relevance \
            falls, and its arguments and evidence serve only the half it answers.
            """,
        fix: "Give every part the question asks a section of its own, headed in the question's words.",
        parameters: [Param.parts, Param.minShare, Param.titledShare, Param.cap, Param.capCriteria],
        examples: [
            RuleExample(Self.inflation(measures: false), fires: true, at: "3:1", message: "the question asks for"),
            RuleExample(Self.inflation(measures: true), fires: false),
            RuleExample(Example.good, fires: false),
        ])

    /// An answer to a two-part question on inflation (its causes, and measures to control it) with a causes
    /// section, and a way forward when `measures`.
    static func inflation(measures: Bool) -> String {
        let reason = """
            Prices rose because the state borrowed from the State Bank to pay its debts, and the rupee fell by 30 per \
            cent in 2023, so imported fuel cost more.
            """
        let forward =
            measures
            ? """


            3. WAY FORWARD
            The State Bank should keep its policy rate above inflation, and the government should stop borrowing from \
            it, as the IMF programme of 2024 asks.
            """ : ""
        return """
            Q.1 Discuss the causes of inflation in Pakistan and suggest measures to control it.

            1. INTRODUCTION
            Inflation reached 38 per cent in May 2023, and this answer argues that its causes are fiscal.

            2. CAUSES OF INFLATION
            \(reason) \(reason)\(forward)

            4. CONCLUSION
            In conclusion, inflation in Pakistan has fiscal causes, and the state must cut its borrowing.
            """
    }

    /// One part: its name, the question's words that ask it, and the title stems and roles that take it up.
    struct Part: Sendable {
        var name: String
        var asked: Set<String>
        var stems: [String]
        var roles: Set<String>
        /// `stems` as bytes, for `names(_:_:)`.
        var stemBytes: [[UInt8]]
    }

    /// True when a word of `title` begins with one of `stems` (lowercase ASCII), read on the title's bytes:
    /// a word starts after any byte that is not an ASCII letter or digit, and letters are compared in lowercase.
    static func names(_ title: String, _ stems: [[UInt8]]) -> Bool {
        let bytes = Array(title.utf8)
        func isAlphanumeric(_ b: UInt8) -> Bool { (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        var i = 0
        while i < bytes.count {
            guard isAlphanumeric(bytes[i]), i == 0 || !isAlphanumeric(bytes[i - 1]) else {
                i += 1
                continue
            }
            for stem in stems where i + stem.count <= bytes.count {
                var k = 0
                while k < stem.count, lower(bytes[i + k]) == stem[k] { k += 1 }
                if k == stem.count { return true }
            }
            i += 1
        }
        return false
    }

    let parts: [Part]
    let minShare: Double
    let titledShare: Double
    let cap: Double
    let capCriteria: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        var read: [Part] = []
        for entry in try p.read(Param.parts) {
            guard let colon = entry.firstIndex(of: ":"), let equals = entry.firstIndex(of: "="), colon < equals else {
                throw RubricError(
                    file: p.file, path: "\(p.path).parts",
                    "each part is written `NAME: ASKED = TITLES` (got \"\(entry)\")")
            }
            let name = entry[..<colon].trimmingSpace()
            let asked = entry[entry.index(after: colon)..<equals].split(separator: " ").map { $0.lowercased() }
            let titles = entry[entry.index(after: equals)...].split(separator: " ").map { $0.lowercased() }
            guard !name.isEmpty, !asked.isEmpty, !titles.isEmpty else {
                throw RubricError(
                    file: p.file, path: "\(p.path).parts",
                    "a part needs a name, asking words and title stems (got \"\(entry)\")")
            }
            read.append(
                Part(
                    name: name, asked: Set(asked), stems: titles.filter { !$0.hasPrefix("@") },
                    roles: Set(titles.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }),
                    stemBytes: titles.filter { !$0.hasPrefix("@") }.map { Array($0.utf8) }))
        }
        // A section's parts are kept as the bits of a 32-bit word.
        guard read.count <= 32 else {
            throw RubricError(file: p.file, path: "\(p.path).parts", "at most 32 parts (got \(read.count))")
        }
        parts = read
        minShare = try p.read(Param.minShare)
        titledShare = try p.read(Param.titledShare)
        cap = try p.read(Param.cap)
        capCriteria = try p.read(Param.capCriteria)
    }

    /// The parts each question asks, by their place in `parts`: worked out once a question.
    let askedCache = TextCache<[Int]>()

    /// The places in `parts` of the parts `question` asks.
    func asked(_ question: String) -> [Int] {
        if let known = askedCache.get(question) { return known }
        let words = Set(lowercaseWords(question))
        let found = parts.indices.filter { !parts[$0].asked.isDisjoint(with: words) }
        askedCache.set(question, found)
        return found
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let question = c.question else { return unjudged(c, self) }
        // A question of one part is the whole question: the topic's other rules judge it.
        let asked = self.asked(question.text).map { self.parts[$0] }
        guard asked.count >= 2 else { return .full }
        let body = c.arguments
        let total = body.reduce(0) { $0 + $1.words }
        let titled = body.reduce(0) { $0 + ($1.section.flatMap { c.sections[$0].section.title } == nil ? 0 : $1.words) }
        guard total > 0, Double(titled) >= titledShare * Double(total) else {
            return .full
        }
        // Each section's title read once: the parts it or a parent names, as bits in the order of `asked`.
        var named = [UInt32?](repeating: nil, count: c.sections.count)
        func namedParts(_ k: Int) -> UInt32 {
            if let known = named[k] { return known }
            var bits: UInt32 = 0
            if let title = c.sections[k].section.title {
                for (bit, part) in asked.enumerated() where Self.names(title, part.stemBytes) {
                    bits |= 1 << UInt32(bit)
                }
            }
            if let parent = c.sections[k].parent { bits |= namedParts(parent) }
            named[k] = bits
            return bits
        }
        var covered = [Int](repeating: 0, count: asked.count)
        for unit in body {
            let bits = unit.section.map(namedParts) ?? 0
            for (bit, part) in asked.enumerated()
            where bits & (1 << UInt32(bit)) != 0 || unit.role.map({ part.roles.contains($0.rawValue) }) == true {
                covered[bit] += unit.words
            }
        }
        let missing = asked.indices.filter { Double(covered[$0]) < minShare * Double(total) }.map { asked[$0] }
        guard !missing.isEmpty else { return .full }
        let names = asked.map { "the \($0.name)" }
        let left = listing(missing.map { "the \($0.name)" })
        let credit = Double(asked.count - missing.count) / Double(asked.count)
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    .warning, at: c.startRange,
                    "the question asks for \(listing(names)), but no section is headed by \(left)",
                    fix: """
                        Give \(left) a section of its own, headed in the question's words: the examiner looks for \
                        each part.
                        """)
            ],
            caps: [Cap(criteria: capCriteria, share: missing.reduce(1) { share, _ in share * cap })])
    }
}
