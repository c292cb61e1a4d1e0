// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pakessay",
    products: [
        .library(name: "PakEssay", targets: ["PakEssay"]),
        .executable(name: "pakessay", targets: ["pakessay"]),
    ],
    targets: [
        .target(name: "PakEssay", path: "Sources/PakEssay", plugins: ["RuleRegistryPlugin"]),
        // The list of rules, written at build time from the types in Sources/PakEssay/Grading/Rules.
        .plugin(
            name: "RuleRegistryPlugin", capability: .buildTool(), dependencies: ["RuleRegistryGenerator"],
            path: "Sources/RuleRegistryPlugin"),
        .executableTarget(name: "RuleRegistryGenerator", path: "Sources/RuleRegistryGenerator"),
        .executableTarget(name: "pakessay", dependencies: ["PakEssay"], path: "Sources/pakessay"),
        .executableTarget(name: "pakessay-bench", dependencies: ["PakEssay"], path: "Benchmarks/pakessay-bench"),
        .testTarget(
            name: "PakEssayTests",
            dependencies: ["PakEssay", "pakessay"],
            path: "Tests/PakEssayTests",
            exclude: ["Golden", "FuzzRegressions", "LanguageSet", "LanguageSetBlind"]
        ),
    ]
)
