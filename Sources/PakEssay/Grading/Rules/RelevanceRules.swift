/// The question's key terms appear in the introduction, the headings and the conclusion.
struct RelevanceQuestionTerms: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minShare = NumberParameter(
            "minShare", 0.5, minimum: 0.01,
            "share of the key terms each place should name for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "relevance-question-terms", criterion: "relevance",
        summary: "the question's key terms appear in the introduction, the headings and the conclusion",
        rationale:
            """
            Examiners read for the 'crux' of the question first; an answer that never uses the question's own \
            words looks like a prepared answer to another question.
            """,
        fix: "Use the question's key terms in the introduction, in the main headings and again in the conclusion.",
        parameters: [Param.minShare],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nCricket is the most popular \
                sport in the country and millions watch every match.\n\n2. THE GAME\nCricket came with the \
                British and spread quickly.\n\n3. CONCLUSION\nIn conclusion, cricket unites the nation.
                """,
                fires: true, at: "3:1", message: "the introduction names none of the question's"),
        ],
        reads: [
            .words("genericQuestionWords"), .lexicon("stopWords"), .words("letterTasks"), .words("tellingTasks"),
            .words("endingCues"), .words("balanceTerms"),
        ])

    let minShare: Double
    init(_ p: RuleParameters) throws(RubricError) { minShare = try p.read(Param.minShare) }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.question != nil else { return unjudged(c, self) }
        // A description or a story owes the words of its subject, not of its task ("write a story that ends
        // with the words: '…'"; finding review 11: m08).
        let questionKeys = c.toldKeys ?? c.questionKeys
        guard !questionKeys.isEmpty else { return .full }
        var places: [(String, SourceRange, TermSet)] = []
        // A letter or an application opens with its greeting and its occasion, not the question's words.
        if let intro = c.introduction, !c.asksForLetter {
            places.append(("the introduction", intro.range, c.keys(inParagraphs: intro.paragraphs)))
        }
        // Headings are judged by `relevance-headings-tied`, a missing introduction or conclusion by their
        // own rules: each fault once.
        // A letter, a description or a story closes as its kind does (a greeting, a reflection, the story's
        // end), not with the question's words.
        if let end = c.conclusion, c.owesPosition {
            places.append(("the conclusion", end.range, c.withBalanceTerms(c.keys(inParagraphs: end.paragraphs))))
        }
        guard !places.isEmpty else { return .notJudged([]) }
        var total = 0.0
        var findings: [Finding] = []
        let q = Double(questionKeys.count)
        for (name, range, keys) in places {
            let found = questionKeys.filter(keys.contains).count
            let credit = min(1, Double(found) / q / minShare)
            total += credit
            if credit < 1 {
                let missing =
                    c.toldKeys.map { told in
                        c.written(
                            terms: zip(c.questionKeys, c.questionTerms).filter {
                                told.contains($0.0) && !keys.contains($0.0)
                            }.map(\.1))
                    } ?? c.missingTerms(keys)
                let names = agreeing("names", "name", plural: name == "the headings")
                let share =
                    found == 0 ? "none of the question's key terms" : "\(found) of the question's \(Int(q)) key terms"
                findings.append(
                    finding(
                        .warning, at: range,
                        "\(name) \(names) \(share) (missing: \(listing(missing.map { "'\($0)'" })))",
                        fix: "Work the question's terms (\(listing(missing.map { "'\($0)'" }))) into \(name).",
                        weight: 1 - credit))
            }
        }
        return RuleOutcome(credit: total / Double(places.count), findings: findings)
    }
}

/// Argument headings are tied to the question.
struct RelevanceHeadingsTied: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minShare = NumberParameter(
            "minShare", 0.7, minimum: 0.01,
            "share of main headings that must be tied for full credit (default {default})")
        static let periodDirectives = ListParameter(
            "periodDirectives", ["trace"], style: .plain,
            """
            directives that make a question naming two years trace the period between them: a heading whose \
            section dates its milestone inside it is tied (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "relevance-headings-tied", criterion: "relevance",
        summary:
            """
            main headings are tied to the question (share its terms or play a standard part such as challenges or \
            way forward)
            """,
        rationale:
            """
            Headings are what an examiner skims in 60–90 seconds; headings that do not echo the question suggest \
            padding.
            """,
        fix: "Word each main heading so that it shows which part of the question it answers.",
        parameters: [Param.minShare, Param.periodDirectives],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Discuss the causes of inflation in Pakistan.\n\n1. INTRODUCTION\nInflation has many causes in \
                Pakistan and this answer discusses them.\n\n2. CRICKET HISTORY\nCricket came with the \
                British.\n\n3. FAMOUS PLAYERS\nImran Khan won the World Cup.\n\n4. CONCLUSION\nIn conclusion, \
                inflation has causes.
                """,
                fires: true, at: "9:1", message: "heading \"FAMOUS PLAYERS\" does not show which"),
        ],
        reads: [.words("taskWords"), .words("genericQuestionWords"), .lexicon("stopWords"), .lexicon("topics")])

    let minShare: Double
    let periodDirectives: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        minShare = try p.read(Param.minShare)
        periodDirectives = try p.read(Param.periodDirectives)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard c.question != nil else { return unjudged(c, self) }
        guard !c.questionKeys.isEmpty else { return .full }
        let q = Set(c.questionKeys)
        let main = c.headedSections.filter {
            c.sections[$0].parent == nil || c.sections[c.sections[$0].parent!].section.title == nil
        }
        let argumentHeadings = main.filter { c.sections[$0].section.role == nil }
        guard !argumentHeadings.isEmpty else { return .full }
        // With relevance data a heading is also tied when its words (stemmed, acronyms as one) are among
        // the question's profile: its own terms or its topic's ("The TTP Problem" answers a question on
        // terrorism; "Geo-strategic Location" one on strategic importance).
        let model = c.lexicon.topicModel
        let profile = c.question.flatMap { q in
            c.relevance?.judgedByTopics == true
                ? model.profile(question: q.text, taskWords: c.lexicon.cue("taskWords")) : nil
        }
        // A heading over a section whose body serves the question is tied however it is worded: a facet
        // of the question ("Impact on Wheat" under the war's impact on the economy).
        let floor = c.lexicon.relevanceSettings.sectionFloor
        let serving = Set(c.relevance?.units.filter { $0.onTopic && $0.score >= floor }.compactMap(\.section) ?? [])
        var untied: [Int] = []
        var family: Set<Substring>?
        // The traced period, read only when a heading is not tied otherwise.
        lazy var period = Self.tracedPeriod(c, directives: periodDirectives)
        for i in argumentHeadings {
            var keys = Set(c.titleKeys[i])
            for child in c.sections[i].children { keys.formUnion(c.titleKeys[child]) }
            guard keys.isDisjoint(with: q) else { continue }
            if ([i] + c.sections[i].children).contains(where: serving.contains) { continue }
            // A heading in the directive's own word family answers it ("Comparison at a Glance" under "compare").
            let words = family ?? Self.directiveFamily(c)
            family = words
            if lowercaseWords(c.sections[i].section.title ?? "").contains(where: { words.contains($0.prefix(5)) }) {
                continue
            }
            if let profile {
                let titles = ([i] + c.sections[i].children).compactMap { c.sections[$0].section.title }
                if titles.contains(where: { model.dataFeatures(of: $0).contains { profile.weights[$0] != nil } }) {
                    continue
                }
            }
            // Under a question that traces a period ("Trace … from 1937 to … 1947"), a heading over a milestone
            // the section dates inside that period shows its place in the trace (finding review 12: n02).
            if let range = period, Self.datesInside(c, section: i, range) { continue }
            untied.append(i)
        }
        let share = Double(argumentHeadings.count - untied.count) / Double(argumentHeadings.count)
        let terms = untied.isEmpty ? "" : listing(c.written(terms: c.questionTerms.prefix(4)).map { "'\($0)'" })
        let findings = untied.map { i in
            finding(
                .warning, at: c.sections[i].range, excerpt: c.sections[i].section.title ?? "",
                "heading \"\(c.sections[i].section.title ?? "")\" does not show which part of the question it answers",
                fix:
                    """
                    Reword it with the question's terms \
                    (\(terms)) or fold it into a \
                    section that does.
                    """
            )
        }
        return RuleOutcome(credit: min(1, share / minShare), findings: findings)
    }

    /// The years a question traces, from its first year to its last ("Trace the rise … from the elections of
    /// 1937 to the creation of Pakistan in 1947"), when it holds a word of `directives` and names two
    /// different years; nil otherwise.
    static func tracedPeriod(_ c: GradingContext, directives: [String]) -> ClosedRange<Int>? {
        guard let question = c.question, lowercaseWords(question.text).contains(where: directives.contains)
        else { return nil }
        let years = EvidenceItem.yearsNamed(in: question.text)
        guard let first = years.min(), let last = years.max(), first < last else { return nil }
        return first...last
    }

    /// True when a section dates its milestone inside `period`: its heading names a year in it ("LAHORE
    /// RESOLUTION 1940"), or its first sentence does ("In 1942 the British sent Sir Stafford Cripps …").
    static func datesInside(_ c: GradingContext, section i: Int, _ period: ClosedRange<Int>) -> Bool {
        if EvidenceItem.yearsNamed(in: c.sections[i].section.title ?? "").contains(where: period.contains) {
            return true
        }
        guard let p = c.sections[i].paragraphs.first, let s = c.paragraphs[p].sentences.first else { return false }
        return c.sentences[s].tokens.contains { k in
            c.tokens[k].kind == .number
                && EvidenceItem.yearsNamed(in: c.tokens[k].text).contains(where: period.contains)
        }
    }

    /// The first five letters of the words of the question's directives ("compare", "to what extent"), four
    /// letters or more and not stop words: "compare" and "comparison" are one family, "extent" its own.
    static func directiveFamily(_ c: GradingContext) -> Set<Substring> {
        let words = (c.question?.directives ?? []).flatMap { lowercaseWords($0) }
        return Set(words.filter { $0.count >= 4 && !c.lexicon.stopWords.contains($0) }.map { $0.prefix(5) })
    }
}

/// The directive's demands are met, each charged once: the other side where it is owed, a judgment,
/// recommendations for "suggest", both items for "compare".
struct RelevanceDirective: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let oneSided = NumberParameter(
            "oneSided", 0.35, minimum: 0,
            """
            the lesser compared item's share of the other's words below which a comparison is one-sided (default \
            {default})
            """)
        static let oneSidedCap = NumberParameter(
            "oneSidedCap", 0.6, minimum: 0,
            "share of their credit arguments and evidence keep when a comparison is one-sided (default {default})")
        static let narration = NumberParameter(
            "narration", 0.5, minimum: 0,
            """
            share of the argument parts' words that may narrate events before an answer owing analysis is \
            charged (default {default})
            """)
        static let narrativeSentences = NumberParameter(
            "narrativeSentences", 0.6, minimum: 0,
            "share of a part's sentences that must narrate for the part to count as narration (default {default})")
        static let narrationCap = NumberParameter(
            "narrationCap", 0.6, minimum: 0,
            "share of its credit arguments keeps when the answer narrates instead of analysing (default {default})")
        static let narratingRoles = ListParameter(
            "narratingRoles", ["background"], style: .plain,
            """
            section roles whose parts may tell events in sequence: they count towards the body's words, never \
            as narration (default {default})
            """)
    }

    static let description = RuleDescription(
        id: "relevance-directive", criterion: "relevance",
        summary:
            """
            the answer does what the question's directive asks (the other side where owed, a judgment, \
            recommendations, both items compared…)
            """,
        rationale: """
            A 'critically analyse' answer that only narrates, a 'suggest' answer with no suggestions, or a \
            'compare' answer that treats one item misses the spirit of the question. Plain 'examine' owes \
            the issue in detail, not the other side.
            """,
        fix: """
            Give the directive what it owes: for 'critically', evaluate, assess and 'to what extent' weigh the \
            other side and judge; for 'suggest' give concrete measures; for 'compare' treat both items side by side.
            """,
        parameters: [
            Param.oneSided, Param.oneSidedCap, Param.narration, Param.narrativeSentences, Param.narrationCap,
            Param.narratingRoles,
        ],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                """
                Q.1 Suggest measures to control inflation in Pakistan.\n\n1. INTRODUCTION\nInflation in Pakistan \
                reached 38 per cent in 2023 according to the Pakistan Bureau of Statistics.\n\n2. HISTORY OF \
                INFLATION\nInflation rose in the 1970s after the oil shock and again in 2008.\n\n3. \
                CONCLUSION\nIn conclusion, inflation has been a long story.
                """,
                fires: true, at: "1:1", message: "the question asks you to suggest, but the"),
            RuleExample(
                Self.simla(body: "THE INVITATIONS", "THE TALKS"), fires: true, at: "1:1",
                message: "section 2 and section 3 tell events in sequence without weighing them (47 of the body's 47"),
            RuleExample(Self.simla(body: "CAUSES OF THE FAILURE", "IMPACT ON THE LEAGUE"), fires: false),
        ],
        reads: [
            .words("comparisonCues"), .words("judgmentCues"), .words("recommendationCues"),
            .words("stanceCues"), .words("thesisCues"), .words("pastForms"), .words("presentForms"),
            .words("analysisTitles"), .words("analysisCues"), .words("connectives"), .words("counterCues"),
        ])

    /// The fix for narration under a directive that owes analysis.
    static let narrationFix = """
        Turn the chronicle into argument: title each part by what it shows (a cause, an impact, a failure), \
        keep only the events that prove it, and say why each matters to the question.
        """

    /// An answer to "critically evaluate the Simla Conference" whose two body sections tell the past under
    /// the titles given: narration under titles that name no appraisal, analysis under ones that do.
    static func simla(body first: String, _ second: String) -> String {
        """
        Q.1 Critically evaluate the Simla Conference of 1945.\n\n1. INTRODUCTION\nThe conference failed \
        because the Congress and the League could not agree, and on balance the League gained most.\n\n2. \
        \(first)\nLord Wavell invited the leaders in June 1945. The leaders arrived at Simla on 25 June. They \
        met in the Viceregal Lodge.\n\n3. \(second)\nThe Congress named Maulana Azad as its spokesman. \
        Jinnah demanded that the League alone named the Muslim members. Wavell closed the talks on 14 \
        July.\n\n4. CONCLUSION\nIn conclusion, the conference failed, and on balance the League gained from \
        its failure.
        """
    }

    let oneSided: Double
    let oneSidedCap: Double
    let narration: Double
    let narrativeSentences: Double
    let narrationCap: Double
    let narratingRoles: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        oneSided = try p.read(Param.oneSided)
        oneSidedCap = try p.read(Param.oneSidedCap)
        narration = try p.read(Param.narration)
        narrativeSentences = try p.read(Param.narrativeSentences)
        narrationCap = try p.read(Param.narrationCap)
        narratingRoles = try p.read(Param.narratingRoles)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let question = c.question else { return unjudged(c, self) }
        let owed = c.lexicon.directives.owed(by: question)
        guard !owed.isEmpty else { return .full }
        var findings: [Finding] = []
        var unmet: Set<DirectiveDemand> = []
        for (demand, directive) in owed {
            guard let problem = missing(demand, c, question: question) else { continue }
            unmet.insert(demand)
            findings.append(
                finding(
                    .warning, at: SourceRange(at: question.position), excerpt: question.text,
                    "the question asks \(Self.asking(directive)), but \(problem)",
                    fix: demand == .analysis ? Self.narrationFix : Self.description.fix))
        }
        // Each directive is met when all it owes is given; a demand two directives share is one finding.
        // Narration is charged once, where it costs: the arguments it caps, not relevance as well.
        let charged = unmet.subtracting([.analysis])
        let met = question.directives.filter { d in
            c.lexicon.directives.owed(by: d, question: question.text).allSatisfy { !charged.contains($0) }
        }.count
        // A comparison that treats one item at length and the other in passing has answered half the
        // question: its arguments and evidence count for little more than half.
        var caps =
            unmet.contains(.comparison) && oneSidedComparison(c, question: question) != nil
            ? [Cap(criteria: ["arguments", "evidence"], share: oneSidedCap)] : []
        // Guide-book narration under a question that asks for analysis earns little as argument.
        if unmet.contains(.analysis) { caps.append(Cap(criteria: ["arguments"], share: narrationCap)) }
        return RuleOutcome(
            credit: Double(met) / Double(question.directives.count), findings: findings, caps: caps)
    }

    /// The directive as the question's request: "you to evaluate", but "to what extent" as it stands (it is
    /// no verb to put after "you to").
    static func asking(_ directive: String) -> String {
        directive.hasPrefix("to ") ? directive : "you to \(directive)"
    }

    /// What the answer lacks of one demand, or nil when it meets it.
    private func missing(_ demand: DirectiveDemand, _ c: GradingContext, question: Question) -> String? {
        let all = c.allParagraphIndices
        switch demand {
        case .otherSide:
            // Charged once, by `arguments-counter-view`.
            return nil
        case .judgment:
            // A verdict in the conclusion or in a section of critical analysis (or anywhere, in an answer
            // without a conclusion): a verdict phrase or a sentence that takes a stance. A summary is no judgment.
            let analysis = c.sections.indices.filter { c.sections[$0].section.role == .analysis }
                .flatMap { c.sections[$0].paragraphs }
            var closing = c.conclusion.map { $0.paragraphs + analysis } ?? all
            // A paragraph that opens with a verdict phrase just before the conclusion weighs as a conclusion does
            // ("On balance, therefore, the war has both strengthened NATO and exposed its limits", batch s): a
            // phrase of two words or more ("on balance", "on the whole", "in my view"), not a connective that
            // opens a paragraph of facts ("Therefore", "Thus", "Overall").
            if let first = c.conclusion?.paragraphs.first, first > 0,
                let start = c.paragraphs[first - 1].tokens.first(where: { c.tokens[$0].kind == .word }),
                let length = c.lexicon.cue("judgmentCues").match(
                    c.tokens, at: start, limit: c.paragraphs[first - 1].tokens.upperBound),
                length >= 2
            {
                closing.append(first - 1)
            }
            let judged =
                c.count("judgmentCues", inParagraphs: closing) > 0
                || closing.flatMap { Array(c.paragraphs[$0].sentences) }.contains { Stance.takes(c, sentence: $0) }
            return judged ? nil : "the answer reaches no judgment: its conclusion sums up without weighing"
        case .aspects:
            return c.arguments.count >= 3 ? nil : "the answer develops fewer than three aspects"
        case .recommendations:
            let roles = Set(c.sections.compactMap(\.section.role))
            return roles.contains(.wayForward) || c.count("recommendationCues", inParagraphs: all) >= 3
                ? nil
                : "the answer has no way-forward section or concrete recommendations"
        case .comparison:
            return comparisonProblem(c, question: question)
        case .evidence:
            let supported = c.evidence.count >= 3 || !c.answer.visuals.isEmpty
            return supported ? nil : "the answer gives almost no examples or evidence"
        case .points:
            // In a description, a letter or a story without headings a long paragraph tells several stages:
            // one for three sentences.
            let points = c.arguments.reduce(0) { $0 + (c.tellsInStages ? max(1, $1.sentences / 3) : 1) }
            return points >= 2 ? nil : "the answer develops fewer than two points"
        case .analysis:
            return narrates(c)
        }
    }

    /// How the answer narrates instead of analysing, or nil when most of its body argues.
    private func narrates(_ c: GradingContext) -> String? {
        let told = Narration(c, sentenceShare: narrativeSentences, narratingRoles: narratingRoles)
        guard told.total > 0, told.share >= narration else { return nil }
        let names = told.parts.map(\.name)
        return """
            \(listing(names)) \(names.count == 1 ? "tells" : "tell") events in sequence without weighing them \
            (\(told.words) of the body's \(told.total) words): guide-book narration, not analysis
            """
    }

    /// The item a comparison treats far less than the other, when it does.
    private func oneSidedComparison(_ c: GradingContext, question: Question) -> (
        lesser: String, words: Int, greater: String, against: Int
    )? {
        ComparedItems(question: question.text)?.oneSided(in: c, share: oneSided)
    }

    /// A comparison owes both items treated, and set side by side.
    private func comparisonProblem(_ c: GradingContext, question: Question) -> String? {
        if let items = ComparedItems(question: question.text) {
            let untreated = items.untreated(in: c)
            if untreated.count == 2 { return "the answer treats neither '\(untreated[0])' nor '\(untreated[1])'" }
            if let one = untreated.first {
                return "the answer hardly treats '\(one)', so there is nothing to set beside the other"
            }
            if let side = oneSidedComparison(c, question: question) {
                return "the comparison is one-sided: '\(side.lesser)' gets \(counted(side.words, "word")) against "
                    + "\(side.against) for '\(side.greater)'"
            }
        }
        let heading = c.headedSections.contains { i in
            let t = (c.sections[i].section.title ?? "").lowercased()
            return t.contains("compar") || t.contains("contrast") || t.contains("similarit") || t.contains("difference")
        }
        return heading || c.count("comparisonCues", inParagraphs: c.allParagraphIndices) >= 3
            ? nil
            : "the answer never sets the items side by side"
    }
}

/// The answer as a whole is on the question's topic.
struct RelevanceOffTopic: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let minShare = NumberParameter(
            "minShare", 0.34, minimum: 0,
            "without topic data: share of the question's key terms that must appear somewhere (default {default})")
        static let cap = NumberParameter(
            "cap", 0.25, minimum: 0,
            "share of every other criterion's marks an off-topic answer may keep (default {default})")
        static let capCriteria = ListParameter(
            "capCriteria", ["*"],
            "criteria capped when the answer is off topic (default {default}: every criterion)")
    }

    static let description = RuleDescription(
        id: "relevance-off-topic", criterion: "relevance",
        summary: "the answer as a whole is about its question, not another one (an off-topic answer is capped)",
        rationale: """
            No credit is given for material that does not serve the question, however good it is: a prepared \
            answer to a neighbouring question earns 2–5 of 20.
            """,
        fix: "Answer the question that was asked: build every section around its topic and key terms.",
        parameters: [Param.minShare, Param.cap, Param.capCriteria],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                Example.offTopic, fires: true, at: "3:1", message: "off the question: the answer is about water"),
            RuleExample(
                Self.nileAtHome(lessons: false), fires: true, at: "3:1",
                message: "\"Kalabagh Dam\" are about Pakistan (dam, dams and "),
            RuleExample(Self.nileAtHome(lessons: true), fires: false),
        ],
        reads: [
            .words("genericQuestionWords"), .words("chosenSubjectWords"), .lexicon("stopWords"), .lexicon("topics"),
            .words("homeNames"), .words("homeRegionNames"),
        ])

    /// A question on the Nile's dam dispute answered with Pakistan's dams, the question's names in passing; with
    /// `lessons`, the body is on the dispute and one paragraph draws Pakistan's lessons.
    static func nileAtHome(lessons: Bool) -> String {
        let head = """
            Q.6 Discuss the dispute over the Grand Ethiopian Renaissance Dam among Ethiopia, Egypt and Sudan.\n\n\
            Introduction\nWater is life, and dams decide who gets it, as the dispute over the GERD shows.\n\n
            """
        let home = """
            Pakistan's Dams\nPakistan can store only about 30 days of the flow of the Indus, against the 120 days \
            that India keeps, because Tarbela and Mangla are silting up. Pakistan needs new dams urgently.\n\n\
            Kalabagh Dam\nThe Kalabagh dam on the Indus was planned in the 1980s, but Sindh and Khyber Pakhtunkhwa \
            oppose it, fearing floods at Nowshera and a dry delta, so Pakistan has built nothing there.\n\n\
            Diamer Bhasha Dam\nLike Ethiopia, Pakistan must build its big dam. The Diamer Bhasha dam in Gilgit \
            will store over eight million acre-feet, and Pakistan's people have given money to its fund.\n\n
            """
        let nile = """
            The Dispute\nEthiopia began the GERD on the Blue Nile in 2011. Egypt, which draws almost all of its \
            water from the Nile, calls it a threat to its life, and Sudan fears for its own Roseires dam.\n\n\
            Talks\nTalks under the African Union have failed since 2020, as Ethiopia has filled the reservoir \
            each rainy season without a binding deal with Egypt and Sudan on drought years.\n\n\
            Lessons for Pakistan\nPakistan, whose Indus Waters Treaty with India is under strain, can learn that \
            a treaty with a neutral referee is worth more than talks without one.\n\n
            """
        return head + (lessons ? nile : home) + """
            Conclusion\nIn conclusion, water disputes can only be solved by agreement and by building dams wisely.
            """
    }

    let minShare: Double
    let cap: Double
    let capCriteria: [String]?
    init(_ p: RuleParameters) throws(RubricError) {
        minShare = try p.read(Param.minShare)
        cap = try p.read(Param.cap)
        let list = try p.read(Param.capCriteria)
        capCriteria = list.contains("*") ? nil : list
    }

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let question = c.question, c.words >= 40 else { return .full }
        let caps = [Cap(criteria: capCriteria, share: cap), Cap(criteria: [Self.description.criterion], share: 0)]
        // An answer about home (`RelevanceAnalysis.homeInstead`) is judged so whether or not the question has a topic.
        guard let r = c.relevance, r.judgedByTopics || r.homeInstead != nil else { return byKeyTerms(c, caps: caps) }
        guard r.offTopic else { return .full }
        let asked =
            r.topicTitle.map {
                "the question asks about \(lowerFirstWord($0, names: c.lexicon.topicModel.properNames))"
            }
            ?? "the question asks about \(listing(r.questionTerms.map { "'\($0)'" }))"
        let about = r.about.isEmpty ? "" : " (\(listing(r.about)))"
        let topic = r.aboutTopic.map { lowerFirstWord($0, names: c.lexicon.topicModel.properNames) } ?? "another topic"
        let drifting = r.drifting.map(\.name)
        // An answer about the candidate's own country under a question on another's says so in those words.
        let subject = r.homeInstead ?? topic
        let what: String
        if drifting.count >= 2 {
            what = "\(sectionList(drifting)) are about \(subject)\(about)"
        } else {
            what = "the answer is about \(subject)\(about)"
        }
        let asks = r.homeInstead == nil ? "; \(asked)" : ", which the question does not ask about"
        let message =
            """
            off the question: \(what)\(asks) \
            (\(question.text.count > 90 ? String(question.text.prefix(89)) + "…" : question.text))
            """
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .error, at: c.startRange, message,
                    fix:
                        """
                        Answer the question that was asked: an answer to another question earns almost nothing, \
                        however well built. Build every section around \
                        \(listing(r.questionTerms.prefix(4).map { "'\($0)'" })).
                        """
                )
            ],
            caps: caps)
    }

    /// Without topic data: the share of the question's key terms that appear anywhere.
    private func byKeyTerms(_ c: GradingContext, caps: [Cap]) -> RuleOutcome {
        // A story (a telling task that takes no position) is judged on one key term too ("journey" in "Write about
        // a journey you will never forget"), but only by the opening-and-close test below, which its first-person
        // middle passes whatever nouns it tells the journey in; any other answer needs two key terms.
        let story = c.questionTells && !c.owesPosition
        guard c.questionKeys.count >= 2 || (story && !c.questionKeys.isEmpty) else { return .full }
        // A key also stands for its four-letter stem ("rainy" for "rain", "windy" for "wind"): a scene is
        // described in the words of its parts, not in the question's adjective.
        let asked = c.questionKeys.map { key in key.count == 5 ? [key, String(key.prefix(4))] : [key] }
        var keys = c.keys(inParagraphs: c.allParagraphIndices)
        keys.formUnion(c.headingKeys)
        let found = asked.filter { $0.contains(where: keys.contains) }.count
        let share = Double(found) / Double(c.questionKeys.count)
        // An answer whose sentences keep naming a term of the question stays on it, however few of the
        // question's other words it repeats ("cricket" in most sentences of an essay on cricket's attention).
        func dwells() -> Bool {
            let naming = c.sentences.indices.filter(c.sentenceNamesQuestion).count
            return c.sentences.count >= 5 && naming * 10 >= c.sentences.count * 3
        }
        if c.questionKeys.count >= 2, share < minShare, !dwells() {
            return RuleOutcome(
                credit: 0,
                findings: [
                    finding(
                        .error, at: c.startRange,
                        """
                        the answer barely touches the question: \(found) of its \(c.questionKeys.count) key terms \
                        appear (missing: \(listing(c.missingTerms(keys).map { "'\($0)'" })))
                        """,
                        fix: Self.description.fix)
                ], caps: caps)
        }
        // An answer that names the question in its opening and closing lines only and writes about
        // something else in between: none of at least three body units uses a question term. In a story (a
        // telling task that takes no position) a unit told in the first person serves too: its middle tells the
        // stages of the experience in their own words ("we left Lahore", "the landslide"), not the prompt's; and
        // so does a unit that tells events in the past in any person: a story set by its title or its moral
        // ("Haste makes waste") tells what happened to Bilal, not the proverb's words, when it carries on the story
        // its opening began (a name or a word of it: "Bilal"); a memorised story of a greedy dog between two lines
        // on haste does not.
        let body = c.allArguments
        guard body.count >= 3 else { return .full }
        let question = Set(asked.joined()).union(c.chosenSubject)
        // What the opening tells of its story, the question's words apart ("Bilal", "school"): a unit told in the
        // past carries that story on only when it shares one of them.
        let opening = c.keys(inParagraphs: c.introduction?.paragraphs ?? [])
        let asks = Set(question.map(WordKey.of))
        let serving = body.filter { unit in
            let unitKeys = c.keys(inParagraphs: unit.paragraphs)
            return question.contains(where: unitKeys.contains)
                || (story
                    && (c.narratesInFirstPerson(unit.paragraphs)
                        || (c.tellsInThePast(unit.paragraphs) && opening.sharesKey(with: unitKeys, except: asks))))
        }
        guard serving.isEmpty else { return .full }
        let terms = listing(c.written(terms: c.questionTerms.prefix(4)).map { "'\($0)'" })
        return RuleOutcome(
            credit: 0,
            findings: [
                finding(
                    .error, at: body[0].range,
                    """
                    off the question: none of its \(body.count) body paragraphs or sections uses the question's \
                    terms (\(terms)); only the opening \
                    and the close name them
                    """,
                    fix: Self.description.fix)
            ], caps: caps)
    }
}

/// Each body section serves the question; a section about something else earns nothing.
struct RelevanceSectionDrift: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let capCriteria = ListParameter(
            "capCriteria", ["arguments", "evidence"],
            "criteria that keep only the on-topic share of their credit (default {default})")
    }

    static let description = RuleDescription(
        id: "relevance-section-drift", criterion: "relevance",
        summary: "every body section serves the question (a section that drifts to another topic earns nothing)",
        rationale: """
            An answer that drifts part of the way loses the credit of the drifting sections: examiners give \
            nothing for material that does not serve the question. A section on a subject the question does not \
            ask about (the rubric's `unaskedNames`: a section on Pakistan under a question on another country's \
            affairs) earns nothing either.
            """,
        fix: "Tie every section to the question's topic, or cut the ones that belong to another question.",
        parameters: [Param.capCriteria],
        examples: [
            RuleExample(Example.good, fires: false),
            RuleExample(
                Example.drifting, fires: true, at: "12:1", message: "section 4 \"THE 2022 FLOODS\" is about floods"),
            RuleExample(
                Self.afghanWomen(third: "IMPACT ON PAKISTAN"), fires: true, at: "9:1",
                message: "section 3 \"IMPACT ON PAKISTAN\" is about Pakistan, which the question does not ask about"),
            RuleExample(Self.afghanWomen(third: "THE WORLD'S RESPONSE"), fires: false),
        ],
        reads: [.lexicon("topics"), .words("unaskedNames"), .words("worldScopeWords")])

    /// An answer on women's rights in Afghanistan whose third section is titled as given: on Pakistan, a
    /// section the question does not ask for; on the world's response, one it does.
    static func afghanWomen(third: String) -> String {
        """
        Q.5 Discuss the condition of women's rights in Afghanistan since the Taliban returned in August 2021.\n\n\
        1. INTRODUCTION\nSince the Taliban returned in August 2021, women in Afghanistan have lost the right to \
        study and to work, and the world has answered with words more than deeds.\n\n2. EDUCATION OF GIRLS\nThe \
        Taliban closed secondary schools for girls in March 2022 and barred women from universities in December \
        2022, so that over a million girls are out of school according to UNESCO.\n\n3. \(third)\nThe Taliban \
        government, refugees who crossed the Durand Line and attacks by the TTP from Afghan soil have shaped \
        relations with its neighbours since 2021, and the UN has kept its mission in Kabul.\n\n4. CONCLUSION\nIn \
        conclusion, women's rights in Afghanistan have collapsed since 2021 and the response has been weak.
        """
    }

    let capCriteria: [String]
    init(_ p: RuleParameters) throws(RubricError) {
        capCriteria = try p.read(Param.capCriteria)
    }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let r = c.relevance, !r.offTopic, r.units.count >= 2 else { return .full }
        let drifting = r.drifting
        guard !drifting.isEmpty else { return .full }
        let terms = listing(r.questionTerms.prefix(4).map { "'\($0)'" })
        let findings = drifting.map { u -> Finding in
            let title = u.section.flatMap { c.sections[$0].section.title }
            // A section without a number is already named by its title.
            let named = title.map { u.name.hasSuffix("\"\($0)\"") ? u.name : "\(u.name) \"\($0)\"" } ?? u.name
            let topic = u.aboutTopic.map { " (\(lowerFirstWord($0, names: c.lexicon.topicModel.properNames)))" } ?? ""
            let about = u.about.isEmpty ? "another topic" : listing(u.about)
            let what =
                u.unasked.map { "\(named) \($0)" }
                ?? (u.strays
                    ? "\(named) names nothing of the question (\(terms))"
                    : "\(named) is about \(about)\(topic), not the question")
            return finding(
                .warning, at: u.range, excerpt: title ?? c.excerpt(paragraph: u.paragraphs.first ?? 0),
                "\(what): its arguments and evidence earn nothing",
                fix:
                    """
                    Show how it answers the question (\(terms)), or cut it and use the space for the question's \
                    own aspects.
                    """,
                weight: Double(max(1, u.words)), listedAs: u.name)
        }
        // The drifting sections' arguments and evidence earn nothing: those criteria keep the on-topic share.
        // A section the question does not ask for (`unasked`) counts as drifting here too: were it cheaper than
        // a bare section on the question, naming Pakistan in a heading would raise a mark (review of the
        // eleventh session).
        return RuleOutcome(
            credit: r.onTopicShare, findings: findings, caps: [Cap(criteria: capCriteria, share: r.onTopicShare)])
    }
}

/// The answer touches the main aspects of the question's topic.
struct RelevanceMissingAspects: GradingRule {
    /// The parameters a rubric may set, each declared once.
    enum Param {
        static let fullShare = NumberParameter(
            "fullShare", 0.4, minimum: 0.01,
            "share of the topic's leading aspects an answer must touch for full credit (default {default})")
    }

    static let description = RuleDescription(
        id: "relevance-missing-aspects", criterion: "relevance",
        summary: "the answer touches the main aspects of the question's topic (its institutions, events and key ideas)",
        rationale:
            """
            Examiners look for the crux of the question: an answer that never mentions the topic's landmarks \
            reads as thin.
            """,
        fix: "Bring in the topic's main institutions, events and ideas where they serve your argument.",
        parameters: [Param.fullShare],
        examples: [
            RuleExample(Example.richSCO, fires: false),
            RuleExample(
                Example.thinOnAspects, fires: true, at: "3:1", message: "nothing on RATS, regional anti-terrorist"),
        ],
        reads: [.words("aspectWords"), .lexicon("topics")])

    let fullShare: Double
    init(_ p: RuleParameters) throws(RubricError) { fullShare = try p.read(Param.fullShare) }

    static let followsFromOffTopic = true

    func evaluate(_ c: GradingContext) -> RuleOutcome {
        guard let r = c.relevance, !r.offTopic, r.aspectsLookedFor > 0, !r.missingAspects.isEmpty else { return .full }
        let touched = Double(r.aspectsLookedFor - r.missingAspects.count) / Double(r.aspectsLookedFor)
        let credit = min(1, touched / fullShare)
        // An answer that touches enough of the topic is not told what else it might have named: the
        // blind panel's reviewer found such notes false in 18 of 21 answers.
        guard credit < 1 else { return .full }
        let topic = r.topicTitle.map { " of \(lowerFirstWord($0, names: c.lexicon.topicModel.properNames))" } ?? ""
        let shown = Array(r.missingAspects.prefix(3))
        // Advice more than a fault: the thesaurus lists what answers on the topic often name, not what this
        // question owes.
        let severity: Severity = .note
        return RuleOutcome(
            credit: credit,
            findings: [
                finding(
                    severity, at: c.startRange,
                    """
                    nothing on \(listing(shown, limit: 3).replacingOccurrences(of: " and ", with: " or ")): \
                    aspects\(topic) that examiners look for
                    """,
                    fix: "Where they serve the argument, bring in \(listing(shown, limit: 3)).", weight: 1)
            ])
    }
}

/// "sections 2, 3 and 5" from "section 2", "section 3", "section 5"; other names listed as they are.
func sectionList(_ names: [String]) -> String {
    if names.count > 1, names.allSatisfy({ $0.hasPrefix("section ") }) {
        return "sections " + listing(names.map { String($0.dropFirst(8)) }, limit: 6)
    }
    return listing(names, limit: 6)
}

/// A topic's title cut to its first phrase, its first word lowercased unless it is a name or an acronym
/// ("Climate change, floods, adaptation" → "climate change"; "The Kashmir dispute" → "the Kashmir dispute").
func lowerFirstWord(_ title: String, names: Set<String> = []) -> String {
    var short = Substring(title)
    if let cut = short.firstIndex(where: { $0 == ":" || $0 == "," || $0 == "(" }) { short = short[..<cut] }
    let text = short.trimmingSpaces()
    guard let first = text.split(separator: " ").first, first.count > 1, first.dropFirst().allSatisfy(\.isLowercase)
    else { return text }
    var head = String(first.split(separator: "-").first ?? first)
    if head.hasSuffix("'s") { head = String(head.dropLast(2)) }
    guard !names.contains(head) else { return text }
    return first.lowercased() + text.dropFirst(first.count)
}
