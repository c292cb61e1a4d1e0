import Foundation
import Testing

@testable import PakEssay

/// The seventeenth session's marking changes (the file is numbered after finding review 17): a Current Affairs
/// answer about Pakistan under a question on other countries is off the question; a descriptive essay's title is
/// its topic; a quotation in Roman Urdu is not English to correct.
@Suite struct SessionSeventeenTests {
    static func score(_ graded: GradedAnswer, _ id: String) -> Double {
        graded.criteria.first { $0.id == id }?.score ?? -1
    }

    /// The GERD question answered with Pakistan's dams (batch r), and the Belt and Road question on Central Asia
    /// answered with CPEC (batch l): most of each body is about Pakistan, which neither question names, so each is
    /// off the question (examiners 4.25 and 4).
    @Test(arguments: ["panel/r03.txt", "panel/l05.txt"])
    func anAnswerAboutPakistanUnderAForeignQuestionIsOffIt(_ file: String) throws {
        let text = String(decoding: Fixtures.sample(file), as: UTF8.self)
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        let off = try #require(graded.findings.first { $0.rule == "relevance-off-topic" })
        #expect(off.message.contains("are about Pakistan ("))
        #expect(off.message.contains(", which the question does not ask about ("))
        #expect(off.range.start.line == 3)
        #expect(Self.score(graded, "relevance") == 0)
        #expect(graded.marks <= 5)
    }

    /// Answers on foreign questions that bring Pakistan in where it serves (its lessons, its interests, a treaty
    /// it is party to) stay on the question: the Quad and AUKUS with sections on CPEC and Gwadar (examiners
    /// 13.75), SAARC (13.25), the Indus Waters Treaty (16), and the GERD answer whose last section draws
    /// Pakistan's lessons.
    @Test func answersThatBringPakistanInWhereItServesStayOnTheQuestion() throws {
        var texts = ["panel/j05.txt", "panel/h05.txt", "panel/a05.txt"].map {
            String(decoding: Fixtures.sample($0), as: UTF8.self)
        }
        texts.append(RelevanceOffTopic.nileAtHome(lessons: true))
        for text in texts {
            let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
            #expect(!graded.findings.contains { $0.rule == "relevance-off-topic" }, "\(text.prefix(60))")
            #expect(graded.relevance?.homeInstead == nil, "\(text.prefix(60))")
        }
    }

    /// Pakistan Affairs sets no home names (every question of its paper is about Pakistan): the same answer is
    /// not judged off its question for being about Pakistan.
    @Test func pakistanAffairsHasNoHomeCheck() throws {
        let graded = try Fixtures.grade(
            RelevanceOffTopic.nileAtHome(lessons: false), rubric: Fixtures.rubric("css-pakistan-affairs"))
        #expect(!graded.findings.contains { $0.rule == "relevance-off-topic" })
        #expect(graded.relevance?.homeInstead == nil)
    }

    /// The share is a rubric threshold: at 1 no body is about home enough.
    @Test func theHomeShareIsARubricThreshold() throws {
        var rubric = try Fixtures.rubric("css-current-affairs")
        rubric.lexicon.relevanceSettings.homeShare = 1
        let graded = try Fixtures.grade(RelevanceOffTopic.nileAtHome(lessons: false), rubric: rubric)
        #expect(!graded.findings.contains { $0.rule == "relevance-off-topic" })
        #expect(graded.relevance?.homeInstead == nil)
        // The same answer under the shipped threshold is off the question: the test above is not vacuous.
        let shipped = try Fixtures.grade(
            RelevanceOffTopic.nileAtHome(lessons: false), rubric: Fixtures.rubric("css-current-affairs"))
        #expect(shipped.relevance?.homeInstead == "Pakistan")
    }

    /// A focus word the dictionary knows only with a capital is a name ("Baku" of "the outcome of COP29 held at
    /// Baku"): a prepared climate answer whose frame names it and a tenth of whose body does (s02, examiners
    /// 4.75) misses the crux, and is capped.
    @Test func aPlaceTheDictionaryCapitalisesIsANamedFocus() throws {
        let text = String(decoding: Fixtures.sample("panel/s02.txt"), as: UTF8.self)
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        #expect(graded.relevance?.focusNamed == true)
        let crux = try #require(graded.findings.first { $0.rule == "relevance-crux" })
        #expect(crux.message.contains("'Baku' or 'finance' stands only in the introduction or the conclusion"))
        #expect(graded.marks <= 8)
    }

    /// A paragraph that opens with a verdict ("On balance, …") just before the conclusion meets the judgment a
    /// "critically analyse" question owes (s06, review 17); the same paragraph opening otherwise does not.
    @Test func aVerdictParagraphBeforeTheConclusionJudges() throws {
        let text = String(decoding: Fixtures.sample("panel/s06.txt"), as: UTF8.self)
        let rubric = try Fixtures.rubric("css-current-affairs")
        let judged = try Fixtures.grade(text, rubric: rubric)
        #expect(!judged.findings.contains { $0.rule == "relevance-directive" })
        // A connective is no verdict phrase: a paragraph of facts that opens "Therefore," or "Overall," judges
        // nothing (review-code17).
        for opening in ["Meanwhile the war", "Therefore, the war", "Overall, the war"] {
            let plain = text.replacingOccurrences(of: "On balance, therefore, the war", with: opening)
            #expect(plain != text)
            let unjudged = try Fixtures.grade(plain, rubric: rubric)
            let directive = try #require(unjudged.findings.first { $0.rule == "relevance-directive" }, "\(opening)")
            #expect(directive.message.contains("reaches no judgment"))
        }
    }

    /// A subscription is the first line of one of the last paragraphs, "Khuda Hafiz," and "With best wishes,"
    /// among them; a last paragraph of news that opens with "Your" is none (review-code17).
    @Test func aSubscriptionStandsOnItsOwnLine() throws {
        let rubric = try Fixtures.rubric("general-essay")
        for closing in ["Khuda Hafiz,\nAhmed", "With best wishes,\nSana", "Respectfully yours,\nA.B.C."] {
            let graded = try Fixtures.grade(ConclusionSignOff.letter(closing: closing), rubric: rubric)
            #expect(!graded.findings.contains { $0.rule == "conclusion-sign-off" }, "\(closing)")
        }
        let news = ConclusionSignOff.letter(
            closing: "Your prayers are all I need in this new life, Ammi, and I will "
                + "write again next week when the tests are over.")
        let graded = try Fixtures.grade(news, rubric: rubric)
        #expect(graded.findings.contains { $0.rule == "conclusion-sign-off" })
    }

    /// A letter that stops on its last news has no subscription (s10: both examiners charged it); the panel's
    /// letters and applications that close with one, their name, class and roll number after it, are not charged.
    @Test func aLetterEndsWithItsSubscription() throws {
        let rubric = try Fixtures.rubric("general-essay")
        let bare = try Fixtures.grade(String(decoding: Fixtures.sample("panel/s10.txt"), as: UTF8.self), rubric: rubric)
        let f = try #require(bare.findings.first { $0.rule == "conclusion-sign-off" })
        #expect(f.message.hasPrefix("the letter ends without its subscription"))
        #expect(f.range.start.line == 19)
        for file in ["panel/j08.txt", "panel/l10.txt", "panel/m10.txt", "panel/q08.txt", "panel/k08.txt"] {
            let graded = try Fixtures.grade(String(decoding: Fixtures.sample(file), as: UTF8.self), rubric: rubric)
            #expect(!graded.findings.contains { $0.rule == "conclusion-sign-off" }, "\(file)")
        }
    }

    /// A question on a region or a dispute that takes Pakistan in (Kashmir, Afghanistan, India: the rubric's
    /// `homeRegionNames`) is answered rightly about Pakistan: no home check (review-code17: a Kashmir answer had
    /// fallen from 9.5 to 3, a farmers' protest answer naming Indian Punjab to 1).
    @Test(arguments: [
        "Q.3 Discuss the Kashmir dispute in the light of the UN Security Council resolutions.",
        "Q.4 Assess the implications of the Taliban's return to power in Afghanistan for regional security.",
        "Q.5 Discuss the causes and consequences of the farmers' protest in India in 2020 and 2021.",
    ])
    func aRegionThatTakesPakistanInIsNoForeignQuestion(_ question: String) throws {
        let text = RelevanceOffTopic.nileAtHome(lessons: false).replacingOccurrences(
            of: "Q.6 Discuss the dispute over the Grand Ethiopian Renaissance Dam among Ethiopia, Egypt and Sudan.",
            with: question)
        #expect(text.hasPrefix(question))
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        #expect(graded.relevance?.homeInstead == nil)
    }

    /// The name a finding gives home is the noun of the list: "pakistani" and "pak" give way to "pakistan".
    @Test func homeIsNamedByItsNoun() {
        let home = ["pak", "pakistan", "pakistani", "punjab"]
        #expect(GradingContext.homeName(home, met: [0, 2, 5, 1]) == "Pakistan")
        #expect(GradingContext.homeName(home, met: [7, 2, 0, 1]) == "Pakistan")
        #expect(GradingContext.homeName(home, met: [0, 0, 0, 3]) == "Punjab")
    }

    /// The question's names: its words with a capital that do not open a sentence, each once.
    @Test func theQuestionsNames() {
        #expect(
            GradingContext.questionNames(
                "Discuss the dispute over the Grand Ethiopian Renaissance Dam (GERD) among Ethiopia, Egypt and Sudan. "
                    + "Can the Nile basin states reach a lasting water-sharing arrangement?")
                == ["Grand", "Ethiopian", "Renaissance", "Dam", "GERD", "Ethiopia", "Egypt", "Sudan", "Nile"])
        #expect(GradingContext.questionNames("Evaluate China's role. What next?") == ["China's"])
    }

    /// "Write a descriptive essay with the title …" sets a description: its key terms are the title's, and it
    /// owes no position (s09, a strong description the start binary called off its question: 3.5 against the
    /// examiners' 19.25).
    @Test func aDescriptiveEssaysTitleIsItsTopic() throws {
        let rubric = try Fixtures.rubric("general-essay")
        let text = String(decoding: Fixtures.sample("panel/s09.txt"), as: UTF8.self)
        let c = try Fixtures.context(text, rubric: rubric)
        #expect(c.questionKeys == ["storm", "night"])
        #expect(!c.owesPosition)
        let graded = try Fixtures.grade(text, rubric: rubric)
        #expect(!graded.findings.contains { $0.rule == "relevance-off-topic" })
        #expect(!graded.findings.contains { $0.rule == "introduction-thesis" })
        #expect(graded.marks >= 15)
    }

    /// "-ie" for "-y" is the plural's spelling carried into the singular: "hobbie" is "hobby", not "hobble" (s05,
    /// review 17).
    @Test func aSingularSpeltLikeItsPluralIsCorrectedToTheY() throws {
        let text = "Q. Write an essay on your hobby.\n\nMy hobbie is cricket, and every citie of Pakistan has a ground."
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("general-essay"))
        let fixes = graded.findings.filter { $0.rule == "language-spelling" }.map(\.suggestion)
        #expect(fixes == ["Write 'hobby'.", "Write 'city'."])
    }

    /// A couplet of Iqbal's in Roman Urdu, in quotation marks, is quoted, not misspelt English; an English
    /// quotation's misspelling is still one.
    @Test func aQuotationInRomanUrduIsNotSpellChecked() throws {
        let text = """
            Q. Discuss the importance of self-reliance for Pakistan.

            Self-reliance is the only road to dignity for a nation. As Allama Iqbal said:
            "Khudi ko kar buland itna ke har taqdeer se pehle
            Khuda bande se khud pooche bata teri raza kya hai"
            The Quaid also told the nation to live by "Unity, Faith and Dicipline" in 1947, and these words still \
            guide Pakistan today.
            """
        let graded = try Fixtures.grade(text, rubric: Fixtures.rubric("css-current-affairs"))
        let language = graded.findings.filter { $0.criterion == "language" && $0.rule != "examiner-reserve" }
        for word in ["buland", "taqdeer", "pehle", "pooche", "teri", "raza"] {
            #expect(!language.contains { $0.message.contains("'\(word)'") }, "\(word)")
        }
        let dicipline = language.filter { $0.rule == "language-spelling" && $0.message.hasPrefix("'Dicipline'") }
        #expect(dicipline.count == 1)
        #expect(dicipline.first?.range.start.line == 6)
        // An English quotation with three slips, two of them listed misspellings, is English to correct; a stray
        // closing mark opens no quotation (review-code17).
        let slips = """
            Q. Discuss the importance of education for Pakistan.

            The Quaid told the students that ”education is the key” and that "educatoin is the key to sucess and \
            prosparity" for every nation that wants to stand on its own feet.
            """
        let flagged = try Fixtures.grade(slips, rubric: Fixtures.rubric("css-current-affairs")).findings
            .filter { $0.rule == "language-spelling" }.map(\.message)
        for word in ["educatoin", "sucess", "prosparity"] {
            #expect(flagged.contains { $0.hasPrefix("'\(word)'") }, "\(word)")
        }
    }
}
