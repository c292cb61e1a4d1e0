/// Turns a rubric's JSON into a validated `Rubric`, naming the file and key path of every problem.
struct RubricDecoder {
    let root: JSONNode
    let folder: String
    let file: String
    let path: String
    /// What the decoder knows of the rules: their ids and parameters, and a check that makes each.
    let rules: RuleCatalogue

    /// The cue lists a rubric's `words` table may hold.
    static let wordKeys = [
        "connectives", "counterCues", "concessionCues", "exampleCues", "thesisCues", "stanceCues", "contrastOpeners",
        "previewCues", "forwardCues", "newPointCues", "judgmentCues",
        "recommendationCues", "comparisonCues", "units", "currencies", "attribution", "eventWords",
        "genericQuestionWords", "taskWords", "aspectWords", "nonArgumentTasks", "opinionWords", "pastForms",
        "pastQuestionWords", "pastJudgmentCues", "umbrellaTitles",
        "presentForms", "analysisCues", "analysisTitles", "tellingTasks", "claimWords", "supportTitles",
        "otherSideStems", "directiveStems", "letterTasks", "exampleLeads",
        "contrastWords", "reportedSpeech", "endingCues", "closingFormulas", "numberWords",
        "unaskedNames", "worldScopeWords", "homeNames", "homeRegionNames", "chosenSubjectWords", "verdictCues",
        "balanceTerms",
    ]
    /// The word-list files a rubric's `lexicons` table may name.
    static let lexiconKeys = [
        "misspellings", "confused", "confusionSets", "grammar", "wordClasses", "partsOfSpeech", "properNouns",
        "namedEvents", "sources", "stopWords", "acronyms", "topics", "questions", "dictionary", "allowed",
    ]
    /// The thresholds a rubric's `relevance` table may set.
    /// Each with its range; `RelevanceSettings.set(_:to:)` sets it by name. (A key path for each would cost
    /// the start a key path object and its type apiece.)
    static let relevanceKeys: [(String, ClosedRange<Double>)] = [
        ("sectionFloor", 0...1), ("rivalMargin", 1...10), ("rivalSlack", 0...1),
        ("driftFloor", 0...1), ("driftMargin", 1...10), ("driftSlack", 0...1), ("driftWords", 1...10_000),
        ("strayWords", 1...10_000),
        ("offTopicMargin", 1...10), ("answerFloor", 0...1), ("offTopicShare", 0...1), ("questionShare", 0...1),
        ("sameQuestion", 0...1), ("touchedShare", 0...1), ("aspectTitleShare", 0...1), ("homeShare", 0...1),
    ]
    /// The thresholds a rubric's `parts` table may set, in words.
    /// (`PartSettings.set(_:to:)` sets each by name.)
    static let partKeys = ["leadWords", "courtesyWords", "pastBefore", "pastFrom"]
    /// The keys every rubric needs once its base, if any, is merged in (`format` has a message of its own).
    static let requiredKeys = ["id", "version", "title", "maxMarks", "expectedWords", "bands", "criteria"]
    /// The most a rule's weight may be.
    static let maximumWeight: Double = 1000
    /// The most words `expectedWords` may expect.
    static let maximumWords: Double = 1_000_000
    static var limit: String { JSONValue.format(Rubric.maximumMarks) }

    func decode() throws(RubricError) -> Rubric { try decode(merged: merged().node) }

    /// The rubric from its tree once the base is merged in and the keys are checked (`merged`, or the
    /// compiled form of a tree that was, see `RubricStore`).
    func decode(merged node: JSONNode) throws(RubricError) -> Rubric {
        let format = node.child("format")
        guard format.exists, try format.number() == 1 else {
            throw format.exists
                ? format.error("unsupported format (this pakessay reads format 1)")
                : format.error("missing (write \"format\": 1)")
        }
        for key in Self.requiredKeys where !node.child(key).exists {
            let needs = listing(Self.requiredKeys, limit: 10)
            throw node.child(key).error("missing (a rubric needs \(needs), its own or from the base it extends)")
        }
        let id = try node.child("id").string()
        guard !id.isEmpty else { throw node.child("id").error("must not be empty") }
        let version = try node.child("version").string()
        let title = try node.child("title").string()
        let maxNode = node.child("maxMarks")
        let maxMarks = try maxNode.number()
        guard maxMarks > 0, maxMarks <= Rubric.maximumMarks else {
            throw maxNode.error("must be more than 0 and at most \(Self.limit)")
        }
        let roundingNode = node.child("rounding")
        let rounding = roundingNode.exists ? try roundingNode.number() : 0.5
        guard rounding > 0, rounding <= maxMarks else {
            throw roundingNode.error("must be more than 0 and at most maxMarks")
        }
        let expected = node.child("expectedWords")
        let minWords = try expected.child("min").number()
        let maxWords = try expected.child("max").number()
        guard minWords >= 0, maxWords >= minWords, maxWords <= Self.maximumWords else {
            throw expected.error("needs 0 <= min <= max <= \(JSONValue.format(Self.maximumWords))")
        }

        var bands: [Rubric.Band] = []
        for b in try node.child("bands").array() {
            let share = try b.child("minShare").number()
            guard (0...1).contains(share) else { throw b.child("minShare").error("must be between 0 and 1") }
            bands.append(Rubric.Band(minShare: share, label: try b.child("label").string()))
        }
        guard !bands.isEmpty else { throw node.child("bands").error("must list at least one band") }
        bands.sort { $0.minShare > $1.minShare }
        guard bands.last!.minShare == 0 else {
            throw node.child("bands").error("the lowest band must start at minShare 0")
        }

        let lexicon = try loadLexicon(node)

        var criteria: [Criterion] = []
        let criteriaNode = node.child("criteria")
        let list = try criteriaNode.array()
        guard !list.isEmpty else { throw criteriaNode.error("must list at least one criterion") }
        for c in list {
            let cid = try c.child("id").string()
            guard !cid.isEmpty else { throw c.child("id").error("must not be empty") }
            guard !criteria.contains(where: { $0.id == cid }) else {
                throw c.child("id").error("the criterion '\(cid)' appears twice")
            }
            let marksNode = c.child("marks")
            let marks = try marksNode.number()
            guard marks > 0, marks <= Rubric.maximumMarks else {
                throw marksNode.error("must be more than 0 and at most \(Self.limit)")
            }
            var uses: [RuleUse] = []
            let rulesNode = c.child("rules")
            let rules = try rulesNode.array()
            guard !rules.isEmpty else { throw rulesNode.error("must list at least one rule") }
            for r in rules { uses.append(try ruleUse(r)) }
            var criterion = Criterion(id: cid, title: try c.child("title").string(), marks: marks, rules: uses)
            let halfAt = c.child("halfAt")
            if halfAt.exists {
                let value = try halfAt.number()
                guard value > 0, value <= Rubric.maximumMarks else {
                    throw halfAt.error("must be more than 0 and at most \(Self.limit)")
                }
                criterion.halfAt = value
            }
            let ceiling = c.child("ceiling")
            if ceiling.exists {
                let value = try ceiling.number()
                guard value > 0, value <= 1 else { throw ceiling.error("must be more than 0 and at most 1") }
                criterion.ceiling = value
            }
            criteria.append(criterion)
        }
        try addGates(node.child("gates"), to: &criteria)
        let remarkKeywords = try remarks(node.child("remarks"), criteria: criteria.map(\.id))
        let total = criteria.reduce(0) { $0 + $1.marks }
        guard abs(total - maxMarks) < 1e-6 else {
            throw criteriaNode.error(
                """
                the criteria's marks add up to \(JSONValue.format(total)), but maxMarks is \
                \(JSONValue.format(maxMarks))
                """
            )
        }
        var rubric = Rubric(
            id: id, version: version, title: title, maxMarks: maxMarks, rounding: rounding,
            expectedWords: Int(minWords)...Int(maxWords), bands: bands, criteria: criteria, lexicon: lexicon,
            remarkKeywords: remarkKeywords, path: path)
        let scale = node.child("scale")
        if scale.exists {
            let ceiling = scale.child("ceiling")
            let exponent = scale.child("exponent")
            if ceiling.exists {
                rubric.ceiling = try ceiling.number()
                guard rubric.ceiling > 0, rubric.ceiling <= 1 else {
                    throw ceiling.error("must be more than 0 and at most 1")
                }
            }
            if exponent.exists {
                rubric.exponent = try exponent.number()
                guard rubric.exponent >= 0.25, rubric.exponent <= 4 else {
                    throw exponent.error("must be between 0.25 and 4")
                }
            }
        }
        let limit = node.child("findingsPerRule")
        if limit.exists {
            let value = try limit.number()
            guard value >= 1, value <= 1_000_000, value == value.rounded() else {
                throw limit.error("must be a whole number from 1 to 1000000")
            }
            rubric.findingsPerRule = Int(value)
        }
        return rubric
    }

    /// One rule of a criterion: its id, weight, whether it gates, and its parameters, checked by making the rule.
    private func ruleUse(_ r: JSONNode, gate forced: Bool? = nil) throws(RubricError) -> RuleUse {
        let ruleNode = r.child("rule")
        let rid = try ruleNode.string()
        guard let known = rules.parameters(rid) else {
            let near = rules.ids().min { editDistance($0, rid) < editDistance($1, rid) } ?? ""
            throw ruleNode.error("unknown rule id '\(rid)' (did you mean '\(near)'? `pakessay explain` lists them)")
        }
        let weightNode = r.child("weight")
        let weight = weightNode.exists ? try weightNode.number() : 1
        // Bounded, so that no sum of weights can overflow to infinity (the file holds at most 5 MB of rules).
        guard weight > 0, weight <= Self.maximumWeight else {
            throw weightNode.error("must be more than 0 and at most \(JSONValue.format(Self.maximumWeight))")
        }
        let gateNode = r.child("gate")
        var gate = forced ?? false
        if forced == nil, gateNode.exists { gate = try gateNode.bool() }
        let params = RuleParameters(values: r.child("params").value, path: r.child("params").path, file: file)
        try params.check(known: known)
        var use = RuleUse(id: rid, weight: weight, gate: gate, parameters: params)
        switch rules.make(use) {
        case .success(let rule): use.made = rule
        case .failure(let error): throw error
        }
        return use
    }

    /// The rubric's `gates`: each entry is one gate rule (`rule`, `params`) placed in every criterion it
    /// names (`criteria`), as if written in each, before the criterion's own rules and in the file's order.
    private func addGates(_ gates: JSONNode, to criteria: inout [Criterion]) throws(RubricError) {
        guard gates.exists else { return }
        for g in try gates.array() {
            var use = try ruleUse(g, gate: true)
            use.fromGates = true
            let named = g.child("criteria")
            let items = try named.array()
            guard !items.isEmpty else { throw named.error("must list at least one criterion") }
            var seen: [String] = []
            for item in items {
                let cid = try item.string()
                guard let k = criteria.firstIndex(where: { $0.id == cid }) else {
                    let hint = RubricSchema.hint(cid, among: criteria.map(\.id), named: "criteria")
                    throw item.error("unknown criterion '\(cid)' (\(hint))")
                }
                guard !seen.contains(cid) else { throw item.error("the criterion '\(cid)' appears twice") }
                seen.append(cid)
                criteria[k].rules.insert(use, at: criteria[k].rules.prefix { $0.fromGates }.count)
            }
        }
    }

    /// The rubric with its `extends` base merged in: the child's keys win; `words`, `lexicons` and
    /// `remarks` merge key by key.
    /// Each file's keys are checked before the merge, so an unknown key is reported in the file that holds it.
    /// With the tree: the base's path, if any, and whether it was found among the shipped rubrics.
    func merged() throws(RubricError) -> (node: JSONNode, base: String?, shipped: Bool) {
        _ = try root.keys()
        try RubricSchema.check(root)
        let base = root.child("extends")
        guard base.exists else { return (root, nil, false) }
        let name = try base.string()
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            throw base.error(
                "the base must be a rubric in the same folder: "
                    + "give its id or file name (such as css-current-affairs), not a path")
        }
        let baseFile = name.hasSuffix(".json") ? name : name + ".json"
        var basePath = beside(baseFile)
        var shippedBase = false
        // A shipped rubric named as the base is found among the shipped ones when it is not beside the file
        // (a rubric `calibrate --fit` wrote elsewhere); its word lists stay relative to its own folder.
        if !FileSystem.exists(basePath),
            RubricLoader.shipped.contains(String(baseFile.dropLast(5))),
            let shipped = RubricLoader.shippedFolder()
        {
            basePath = shipped + "/" + baseFile
            shippedBase = true
        }
        guard let data = FileSystem.read(basePath) else {
            throw base.error("cannot read the base rubric \(basePath)")
        }
        let parent = try JSONNode.parse([UInt8](data), file: Path.lastComponent(basePath))
        guard parent.value?["extends"] == nil else { throw base.error("a base rubric cannot extend another") }
        try RubricSchema.check(parent)
        guard case .object(var pairs)? = parent.value, case .object(let own)? = root.value else {
            throw root.error("expected an object")
        }
        if shippedBase, let k = pairs.firstIndex(where: { $0.0 == "lexicons" }) {
            pairs[k].1 = FittedRubric.absolute(pairs[k].1, Path.deletingLastComponent(basePath))
        }
        for (key, value) in own where key != "extends" {
            if ["words", "lexicons", "remarks", "relevance", "parts", "directives"].contains(key),
                case .object(var inner)? = pairs.first(where: { $0.0 == key })?.1, case .object(let mine) = value
            {
                for (k, v) in mine {
                    if let i = inner.firstIndex(where: { $0.0 == k }) { inner[i].1 = v } else { inner.append((k, v)) }
                }
                pairs[pairs.firstIndex { $0.0 == key }!].1 = .object(inner)
            } else if let i = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[i].1 = value
            } else {
                pairs.append((key, value))
            }
        }
        return (JSONNode(value: .object(pairs), path: "", file: file), basePath, shippedBase)
    }

    /// A path relative to the rubric's folder (the current folder when the rubric was named without one).
    private func beside(_ relative: String) -> String { folder.isEmpty ? relative : folder + "/" + relative }

    /// The remark words, by criterion: every key of `remarks` must be one of the rubric's criteria.
    private func remarks(_ node: JSONNode, criteria ids: [String])
        throws(RubricError) -> [(keyword: String, criteria: [String])]
    {
        guard node.exists else { return [] }
        var out: [(keyword: String, criteria: [String])] = []
        for criterion in try node.keys() {
            guard ids.contains(criterion) else {
                let hint = RubricSchema.hint(criterion, among: ids, named: "criteria")
                throw node.child(criterion).error("not a criterion of this rubric (\(hint))")
            }
            for word in try node.child(criterion).strings() { out.append((word.lowercased(), [criterion])) }
        }
        return out
    }

    /// One word list a rubric names: its `lexicons` key, its full path, its path as written and its key path.
    private struct ListFile {
        var key: String
        var path: String
        var relative: String
        var at: String
    }

    /// The word lists the rubric names, in the order they are read (the dictionary first), or nil when
    /// the `lexicons` table is not as it must be (reading the lists then names the problem).
    private func listFiles(_ node: JSONNode) -> [ListFile]? {
        let files = node.child("lexicons")
        guard files.exists else { return [] }
        guard var keys = try? files.keys() else { return nil }
        if let at = keys.firstIndex(of: "dictionary") { keys.insert(keys.remove(at: at), at: 0) }
        var out: [ListFile] = []
        for key in keys {
            guard Self.lexiconKeys.contains(key) else { return nil }
            let node = files.child(key)
            let list: [String]?
            if case .array? = node.value {
                list = try? node.strings()
            } else {
                list = (try? node.string()).map { [$0] }
            }
            guard let list else { return nil }
            for relative in list {
                let full = relative.hasPrefix("/") ? relative : beside(relative)
                out.append(ListFile(key: key, path: full, relative: relative, at: node.path))
            }
        }
        return out
    }

    /// The rubric's lexicon: its tables from the compiled form when it is current (see `LexiconStore`),
    /// else read from the lists and pattern files (which validates them) and compiled for next time; the
    /// relevance settings and the topic model are read every run.
    private func loadLexicon(_ node: JSONNode) throws(RubricError) -> Lexicon {
        let listed = listFiles(node)
        let key = listed.flatMap { LexiconStore.key($0.map { ($0.key, $0.path) }, words: node.child("words").value) }
        if let listed, let key, var lexicon = LexiconStore.cached(key, folder: folder) {
            try readRelevance(node, into: &lexicon)
            try readParts(node.child("parts"), into: &lexicon)
            try readDirectives(node.child("directives"), into: &lexicon)
            let sources = listed.filter { ["acronyms", "topics", "questions"].contains($0.key) }.map {
                TopicModelStore.Source(key: $0.key, path: $0.path, relative: $0.relative, at: $0.at)
            }
            if !sources.isEmpty { lexicon.topicModel = try topicModel(sources, node, lexicon) }
            return lexicon
        }
        var (lexicon, patternFiles, relevanceSources) = try readLists(node)
        try readPatterns(patternFiles, into: &lexicon)
        let words = node.child("words")
        if words.exists {
            // Set once, so the combined cue index is built once.
            var cues: [String: PhraseTable] = [:]
            for key in try words.keys() {
                guard Self.wordKeys.contains(key) else {
                    throw words.child(key).error("unknown word list (known: \(Self.wordKeys.joined(separator: ", ")))")
                }
                cues[key] = PhraseTable(try words.child(key).strings(), keepCase: false)
            }
            lexicon.cues = cues
        }
        lexicon.prepare()
        try readRelevance(node, into: &lexicon)
        if !relevanceSources.isEmpty {
            lexicon.topicModel = try topicModel(relevanceSources, node, lexicon)
            // Acronyms are names too: never misspelt, and written in capitals. The full names of those the
            // lists name as bodies of their own ("EU" among the proper nouns) are names with capitals too
            // ("European Union"); others may name a thing in common words ("GDP", gross domestic product).
            let listed = Set(lexicon.capitalNames)
            for acronym in lexicon.topicModel.acronyms {
                Self.allow(acronym.short, in: &lexicon)
                let named = listed.contains(acronym.short)
                lexicon.capitalNames.append(acronym.short)
                for name in acronym.names {
                    Self.allow(name, in: &lexicon)
                    if named { lexicon.capitalNames.append(name) }
                }
            }
        }
        lexicon.prepareSpelling()
        // The compiled form keeps the word lists only: the directive table and the part settings are read
        // every run, as the relevance settings are.
        var stored = LexiconStore.store(lexicon, key: key, folder: folder)
        try readParts(node.child("parts"), into: &stored)
        try readDirectives(node.child("directives"), into: &stored)
        return stored
    }

    /// The word lists read from their files, with the pattern files and relevance files still to read.
    private func readLists(_ node: JSONNode) throws(RubricError) -> (
        Lexicon, [(key: String, path: String, at: String)], [TopicModelStore.Source]
    ) {
        var lexicon = Lexicon()
        var relevanceSources: [TopicModelStore.Source] = []
        var patternFiles: [(key: String, path: String, at: String)] = []
        let files = node.child("lexicons")
        if files.exists {
            // The dictionary first: the allowances leave out the words it holds.
            var keys = try files.keys()
            if let at = keys.firstIndex(of: "dictionary") { keys.insert(keys.remove(at: at), at: 0) }
            for key in keys {
                guard Self.lexiconKeys.contains(key) else {
                    throw files.child(key).error(
                        "unknown word list (known: \(Self.lexiconKeys.joined(separator: ", ")))")
                }
                let node = files.child(key)
                let list: [String]
                if case .array? = node.value { list = try node.strings() } else { list = [try node.string()] }
                for relative in list {
                    let full = relative.hasPrefix("/") ? relative : beside(relative)
                    let at = node.path
                    switch key {
                    case "misspellings":
                        let pairs = try LexiconLoader.pairs(full, file: file, key: at)
                        for (wrong, right) in pairs { lexicon.misspellings[wrong] = right }
                    case "confused":
                        for (wrong, right) in try LexiconLoader.pairs(full, file: file, key: at) {
                            let words = phraseWords(wrong).map { $0.lowercased() }
                            if let first = words.first { lexicon.confused[first, default: []].append((words, right)) }
                        }
                    case "confusionSets", "grammar":
                        patternFiles.append((key, full, at))
                    case "wordClasses":
                        try lexicon.wordClasses.addClosed(
                            LexiconLoader.entries(full, file: file, key: at), file: file, at: at)
                    case "partsOfSpeech":
                        guard FileSystem.isReadable(full) else {
                            throw RubricError(file: file, path: at, "cannot read the word list \(full)")
                        }
                        lexicon.wordClasses.openPath = full
                    case "properNouns":
                        for (_, text) in try LexiconLoader.entries(full, file: file, key: at) {
                            for word in entryWords(text) { lexicon.properWords.insert(word.lowercased()) }
                            lexicon.capitalNames.append(text)
                        }
                    case "namedEvents":
                        for (_, text) in try LexiconLoader.entries(full, file: file, key: at) {
                            lexicon.namedThings.add(text, keepCase: true)
                            Self.allow(text, in: &lexicon)
                            lexicon.capitalNames.append(text)
                        }
                    case "sources":
                        for (_, text) in try LexiconLoader.entries(full, file: file, key: at) {
                            lexicon.sources.add(text, keepCase: true)
                            Self.allow(text, in: &lexicon)
                        }
                    case "allowed":
                        for (_, text) in try LexiconLoader.entries(full, file: file, key: at) {
                            Self.allow(text, in: &lexicon)
                            if text.unicodeScalars.contains(where: \.isUppercaseScalar) {
                                lexicon.capitalNames.append(text)
                                if entryWords(text).count == 1 { lexicon.forcedCapitals.insert(text.lowercased()) }
                            } else {
                                lexicon.plainWords.insert(text)
                            }
                        }
                    case "dictionary":
                        lexicon.dictionary = try SpellingDictionary.load(full, file: file, key: at)
                    case "acronyms", "topics", "questions":
                        // Read once the stop and task words are known, from the compiled form when it is current.
                        relevanceSources.append(.init(key: key, path: full, relative: relative, at: at))
                    default:
                        // Added in one assignment: every change to the stop words works out the question's
                        // stop words again.
                        var words = lexicon.stopWords
                        for (_, text) in try LexiconLoader.entries(full, file: file, key: at) {
                            words.insert(text.lowercased())
                        }
                        lexicon.stopWords = words
                    }
                }
            }
        }
        return (lexicon, patternFiles, relevanceSources)
    }

    /// Reads the grammar and confusion patterns, checked against the closed classes.
    private func readPatterns(
        _ patternFiles: [(key: String, path: String, at: String)], into lexicon: inout Lexicon
    ) throws(RubricError) {
        for (key, full, at) in patternFiles {
            let patterns = try LanguagePatternReader.read(
                LexiconLoader.entries(full, file: file, key: at), classes: lexicon.wordClasses, file: file, at: at)
            if key == "grammar" { lexicon.grammarPatterns += patterns } else { lexicon.confusionPatterns += patterns }
        }
    }

    /// Reads the rubric's `relevance` thresholds.
    private func readRelevance(_ node: JSONNode, into lexicon: inout Lexicon) throws(RubricError) {
        let relevance = node.child("relevance")
        if relevance.exists {
            for key in try relevance.keys() {
                guard let (_, range) = Self.relevanceKeys.first(where: { $0.0 == key }) else {
                    throw relevance.child(key).error(
                        "unknown setting (known: \(Self.relevanceKeys.map(\.0).joined(separator: ", ")))")
                }
                let value = try relevance.child(key).number()
                guard range.contains(value) else {
                    throw relevance.child(key).error(
                        "must be from \(JSONValue.format(range.lowerBound)) to \(JSONValue.format(range.upperBound))")
                }
                lexicon.relevanceSettings.set(key, to: value)
            }
        }
    }

    /// Reads the rubric's `parts` thresholds: whole numbers of words, up to `maximumWords`.
    private func readParts(_ parts: JSONNode, into lexicon: inout Lexicon) throws(RubricError) {
        guard parts.exists else { return }
        for key in try parts.keys() {
            guard Self.partKeys.contains(key) else {
                let known = Self.partKeys.joined(separator: ", ")
                throw parts.child(key).error("unknown setting (known: \(known))")
            }
            let value = try parts.child(key).number()
            guard value >= 0, value <= Self.maximumWords, value == value.rounded() else {
                throw parts.child(key).error("must be a whole number from 0 to \(JSONValue.format(Self.maximumWords))")
            }
            lexicon.partSettings.set(key, to: Int(value))
        }
    }

    /// The directives a rubric's `directives` table may list: those the question finder names.
    static let directiveNames: [String] = {
        var out: [String] = []
        for (_, name) in DirectiveFinder.phrases where !out.contains(name) { out.append(name) }
        return out
    }()

    /// The rubric's `directives` table, when it has one: each key a directive, with what it `owes`, what
    /// it owes besides `whenTwoSided`, and the `sections` it owes. Each entry replaces the standard
    /// table's entry for that directive.
    private func readDirectives(_ table: JSONNode, into lexicon: inout Lexicon) throws(RubricError) {
        guard table.exists else { return }
        var entries = DirectiveTable.standard.entries
        for name in try table.keys() {
            let entry = table.child(name)
            guard Self.directiveNames.contains(name) else {
                throw entry.error("unknown directive (\(RubricSchema.hint(name, among: Self.directiveNames)))")
            }
            let twoSided = entry.child("whenTwoSided")
            let sections = entry.child("sections")
            entries[name] = Directive(
                owes: try demands(entry.child("owes")), whenTwoSided: twoSided.exists ? try demands(twoSided) : [],
                sections: sections.exists ? try owedSections(sections) : [])
        }
        lexicon.directives = DirectiveTable(entries)
    }

    /// A list of directive demands (`otherSide`, `judgment`…).
    private func demands(_ node: JSONNode) throws(RubricError) -> [DirectiveDemand] {
        var out: [DirectiveDemand] = []
        for item in try node.array() {
            let name = try item.string()
            guard let demand = DirectiveDemand(rawValue: name) else {
                let known = DirectiveDemand.allCases.map(\.rawValue)
                throw item.error("unknown demand '\(name)' (\(RubricSchema.hint(name, among: known)))")
            }
            out.append(demand)
        }
        return out
    }

    /// A list of owed sections (`challenges`, `wayForward`).
    private func owedSections(_ node: JSONNode) throws(RubricError) -> [OwedSection] {
        var out: [OwedSection] = []
        for item in try node.array() {
            let name = try item.string()
            guard let section = OwedSection(rawValue: name) else {
                let known = OwedSection.allCases.map(\.rawValue)
                throw item.error("unknown section '\(name)' (\(RubricSchema.hint(name, among: known)))")
            }
            out.append(section)
        }
        return out
    }

    /// The topic model of the relevance files, from its compiled form when it is current.
    private func topicModel(
        _ sources: [TopicModelStore.Source], _ node: JSONNode, _ lexicon: Lexicon
    ) throws(RubricError) -> TopicModel {
        // The task words as the rubric writes them, hashed as they stand: the lexicon built from the same table
        // has checked them, and no string need be made of them.
        return try TopicModelStore.load(
            sources, stopWords: lexicon.questionStopWords, taskWords: node.child("words").child("taskWords").value,
            taskTable: lexicon.cue("taskWords"),
            sameQuestion: lexicon.relevanceSettings.sameQuestion,
            touchedShare: lexicon.relevanceSettings.touchedShare, folder: folder, file: file)
    }

    /// Adds every word of an entry to the words spelling never flags.
    private static func allow(_ text: String, in lexicon: inout Lexicon) {
        for word in entryWords(text) where word.unicodeScalars.contains(where: \.isAlphabeticScalar) {
            let lower = word.lowercased()
            // A word the dictionary holds needs no allowance ("United", "Nations").
            if lexicon.dictionary?.contains(WordKey.of(lower)) == true, !lower.utf8.contains(0x2D) { continue }
            lexicon.allowedWords.insert(lower)
            // The parts of "Zarb-e-Azb" too: a reader may write them apart.
            guard lower.utf8.contains(0x2D) else { continue }
            for part in lower.utf8.split(separator: 0x2D) {
                lexicon.allowedWords.insert(String(decoding: part, as: UTF8.self))
            }
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions (rule ids here; options and commands in the CLI).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = Swift.min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
