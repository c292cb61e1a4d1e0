import Foundation
import Testing

@testable import PakEssay

/// Rules declare the word lists they read: every cue list a rule's source names (in the rule type, its
/// extensions and the helper types of `Grading/Rules` it uses) is one its description declares, and
/// every list a rule declares is one a rubric may hold.
@Suite struct WordListUseTests {
    /// The top-level declarations of the rule sources, by type name: each one's text, to its closing brace.
    static let declarations: [String: String] = {
        let folder = Fixtures.root.appendingPathComponent("Sources/PakEssay/Grading/Rules")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var out: [String: String] = [:]
        for file in files.sorted() where file.hasSuffix(".swift") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var name: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "}" {
                    name = nil
                } else if name == nil, let found = Self.declaredName(line) {
                    name = found
                } else if let name {
                    out[name, default: ""] += line + "\n"
                }
            }
        }
        return out
    }()

    /// The type a top-level line declares or extends: "struct EvidenceDensity: GradingRule {".
    static func declaredName(_ line: Substring) -> String? {
        for opener in ["struct ", "enum ", "extension ", "final class "] where line.hasPrefix(opener) {
            return String(line.dropFirst(opener.count).prefix { $0.isLetter || $0.isNumber })
        }
        return nil
    }

    /// The cue lists a text names as string literals: `count("x"`, `has: "x"`, `cue("x")`.
    static func cueNames(in text: String) -> Set<String> {
        var out: Set<String> = []
        for opener in ["count(\"", "has: \"", "cue(\""] {
            for part in text.components(separatedBy: opener).dropFirst() {
                let name = part.prefix { $0.isLetter }
                if part.dropFirst(name.count).first == "\"" { out.insert(String(name)) }
            }
        }
        return out
    }

    /// The cue lists a rule type's source names, with those of the helper types it uses.
    static func cuesNamed(by type: String) -> Set<String> {
        let body = declarations[type] ?? ""
        var names = cueNames(in: body)
        for (helper, text) in declarations where helper != type && !text.contains("static let description") {
            if body.contains(helper + "(") || body.contains(helper + ".") { names.formUnion(cueNames(in: text)) }
        }
        return names
    }

    @Test func theSourcesAreRead() {
        #expect(Self.declarations.count > 40)
        #expect(
            Self.cuesNamed(by: "ArgumentsCounterView") == [
                "counterCues", "concessionCues", "claimWords", "supportTitles", "otherSideStems", "directiveStems",
            ])
    }

    @Test func everyCueListARuleNamesIsDeclaredByIt() {
        for type in RuleRegistry.all {
            #expect(Self.declarations[String(describing: type)] != nil, "no source for \(type)")
            let named = Self.cuesNamed(by: String(describing: type))
            let declared = Set(type.description.reads.filter { $0.place == .words }.map(\.name))
            #expect(
                named.isSubset(of: declared), "\(type.description.id) reads \(named.subtracting(declared).sorted())")
        }
    }

    @Test func everyDeclaredListIsOneARubricMayHold() {
        for type in RuleRegistry.all {
            for list in type.description.reads {
                let known = list.place == .words ? RubricDecoder.wordKeys : RubricDecoder.lexiconKeys
                #expect(known.contains(list.name), "\(type.description.id) reads an unknown list \(list.name)")
            }
            let names = type.description.reads.map(\.name)
            #expect(Set(names).count == names.count, "\(type.description.id) declares a list twice")
        }
    }
}
