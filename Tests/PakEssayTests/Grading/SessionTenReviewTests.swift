import Testing

@testable import PakEssay

/// What the review of the ninth session's changes found: a quotation at a paragraph's very start, a CSS
/// "trace" question read as a description, and the compiled topic lists read back.
@Suite struct SessionTenReviewTests {
    /// A paragraph that opens with a quotation of two words after an ellipsis or a stop starts its first
    /// sentence after the quote mark; the speaker's window before the quotation is then empty, not a trap.
    @Test(arguments: [
        "\"...command performance\" was how the papers described it.",
        "\u{201C}\u{2026}command performance\u{201D} was how the papers described it.",
        "\"?.command performance\" was how the papers described it.",
    ])
    func aQuotationOpeningAParagraphIsGraded(_ paragraph: String) throws {
        let text = "Q. Discuss the role of the judiciary in Pakistan.\n\n\(paragraph)\n"
        let graded = try Fixtures.grade(text)
        #expect(graded.marks >= 0)
        #expect(graded.criteria.count == 8)
    }

    /// A question that owes a position (every CSS question) is never read as a description whose paragraphs
    /// tell stages of the subject without naming it: under "Trace" as under "Discuss", a long paragraph on
    /// the railways in an answer on kite flying strays.
    @Test(arguments: ["Discuss", "Trace"])
    func aCSSTraceQuestionStillHasStrays(_ directive: String) throws {
        let body = """
            Kite flying in Lahore is an old custom. For centuries the people of the walled city have flown kites \
            from their rooftops at the start of spring, and the festival of Basant grew around this habit.

            In the Mughal period kites were flown by nobles and common people alike. Under British rule the custom \
            spread to the new parts of the city, and after 1947 Basant became a great public festival with music, \
            food and colourful kites over every roof of Lahore.

            The railway network of the subcontinent was built by the British in the nineteenth century. The first \
            line ran from Bombay to Thane in 1853. Later thousands of miles of track were laid across Punjab and \
            Sindh, and large workshops were set up at Mughalpura. Trains carried wheat and cotton to the ports and \
            soldiers to the frontier. After independence Pakistan Railways inherited this system, but it declined \
            because of poor management, old engines and losses. Today the government wants to upgrade the main \
            line from Karachi to Peshawar with Chinese help under a new plan. Passenger trains are slow and often \
            late, so most travellers now prefer buses and vans on the motorways.

            In recent years the festival was banned because of deaths caused by metal and glass-coated string. \
            Kite flying remains a loved part of the culture of Lahore, and many people want it back in a safe form.
            """
        let graded = try Fixtures.grade("Q. \(directive) the history of kite flying in Lahore.\n\n\(body)\n")
        let drift = graded.findings.filter { $0.rule == "relevance-section-drift" }
        #expect(!drift.isEmpty, "\(directive): no drift found")
        #expect(drift.allSatisfy { $0.range.start.line == 7 }, "\(drift.map(\.range.start.line))")
    }

    /// The terms' features read with their texts stepped over are those the full reading gives, for every
    /// topic; bytes cut short give what could be read, without a trap.
    @Test func theTermsFeaturesAreThoseOfTheFullReading() {
        let model = Fixtures.rubric.lexicon.topicModel
        #expect(!model.topics.isEmpty)
        for topic in model.topics {
            let full = TopicModel.Term.decode(topic.termData).map(\.features).filter { !$0.isEmpty }
            #expect(TopicModel.featureLists(topic.termData) == full, "\(topic.id)")
        }
        let whole = Array(model.topics[0].termData.raw)
        let cut = TopicModel.featureLists(PlacedBytes(Array(whole.prefix(whole.count / 2))))
        let full = TopicModel.featureLists(model.topics[0].termData)
        #expect(cut.count < full.count && Array(full.prefix(cut.count)) == cut)
    }

    /// A topic's term lists are kept by its index: a damaged compiled file that gives two topics one id (here
    /// pak-gulf's id overwritten with pak-iran's, of the same length) still serves each topic its own terms.
    @Test func theTermListsAreKeptByTopicIndex() throws {
        let model = Fixtures.rubric.lexicon.topicModel
        let iran = try #require(model.topics.firstIndex { $0.id == "pak-iran" })
        let gulf = try #require(model.topics.firstIndex { $0.id == "pak-gulf" })
        var bytes = model.compiled(hash: 7)
        let from = Array("pak-gulf".utf8)
        let at = try #require(
            (0...(bytes.count - from.count)).first { bytes[$0..<($0 + from.count)].elementsEqual(from) })
        bytes.replaceSubrange(at..<(at + from.count), with: Array("pak-iran".utf8))
        let damaged = try #require(TopicModel.decode(bytes, hash: 7))
        #expect(damaged.topics[gulf].id == "pak-iran" && damaged.topics[iran].id == "pak-iran")
        let own = (
            iran: TopicModel.featureLists(model.topics[iran].termData),
            gulf: TopicModel.featureLists(model.topics[gulf].termData)
        )
        #expect(own.iran != own.gulf)
        for _ in 0..<2 {
            #expect(damaged.termFeatureLists(of: iran) == own.iran)
            #expect(damaged.termFeatureLists(of: gulf) == own.gulf)
        }
        let cache = IndexCache<Int>()
        #expect(cache.get(3) == nil && cache.get(-1) == nil)
        cache.set(3, 30)
        cache.set(-1, 10)
        #expect(cache.get(3) == 30 && cache.get(0) == nil && cache.get(-1) == nil && cache.get(4) == nil)
    }

    /// The FATF title's kept items hold "money laundering" as one item and the id alone as another: "money"
    /// stands for the topic only beside "laundering".
    @Test func theFATFTitleKeepsMoneyLaunderingAsOneItem() throws {
        let model = Fixtures.rubric.lexicon.topicModel
        let k = try #require(model.topics.firstIndex { $0.id == "fatf" })
        let items = model.keptTitleItems(k)
        #expect(items.contains(model.dataFeatures(of: "money laundering")))
        #expect(items.contains(model.dataFeatures(of: "fatf")))
        #expect(items.allSatisfy { $0 != model.dataFeatures(of: "money") })
        let money = try #require(model.dataFeatures(of: "money").first)
        #expect(!model.titleWordStands(money, topic: k, model.dataFeatures(of: "pocket money children")))
        #expect(model.titleWordStands(money, topic: k, model.dataFeatures(of: "money laundering")))
    }
}
