import Foundation
import PackagePlugin

/// Lists the grading rules of `PakEssay` at build time: it hands every Swift file under
/// `Grading/Rules/` to `RuleRegistryGenerator`, which writes the types that conform to `GradingRule`
/// into a source file of the target (`RuleRegistry.declared`). Adding a rule touches no list.
@main
struct RuleRegistryPlugin: BuildToolPlugin {
    /// The folder of the rules, inside the target.
    static let rulesFolder = "/Grading/Rules/"

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let rules = module.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.path.contains(Self.rulesFolder) }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("RuleRegistry+Declared.swift")
        let tool = try context.tool(named: "RuleRegistryGenerator")
        return [
            .buildCommand(
                displayName: "Listing the grading rules of \(target.name)",
                executable: tool.url,
                arguments: [output.path] + rules.map(\.path),
                inputFiles: rules,
                outputFiles: [output])
        ]
    }
}
