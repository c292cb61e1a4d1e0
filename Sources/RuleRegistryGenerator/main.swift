import Foundation

// RuleRegistryGenerator OUTPUT FILE...: writes to OUTPUT a Swift file that lists every type declared
// in the FILEs (in the order given, then by position in the file) that conforms to `GradingRule`.
// Run by RuleRegistryPlugin when PakEssay builds; see docs/architecture.md.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: RuleRegistryGenerator OUTPUT FILE...\n".utf8))
    exit(64)
}
var names: [String] = []
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("RuleRegistryGenerator: cannot read \(path)\n".utf8))
        exit(1)
    }
    for name in RuleScanner.ruleTypes(in: String(decoding: data, as: UTF8.self)) where !names.contains(name) {
        names.append(name)
    }
}
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("RuleRegistryGenerator: no type conforms to GradingRule\n".utf8))
    exit(1)
}
let text = RuleScanner.source(listing: names)
let url = URL(fileURLWithPath: output)
// Rewritten only when it changes, so that an unchanged list does not rebuild the target.
if FileManager.default.contents(atPath: output) != Data(text.utf8) {
    do { try Data(text.utf8).write(to: url) } catch {
        FileHandle.standardError.write(Data("RuleRegistryGenerator: cannot write \(output): \(error)\n".utf8))
        exit(1)
    }
}
