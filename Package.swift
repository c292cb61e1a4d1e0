// swift-tools-version:6.0
import PackageDescription

// Release builds leave out the run-time checks of exclusive access (a call at each access to a class's `var`
// or a global that the compiler cannot prove alone), as the hottest caches already did one by one with
// `@exclusivity(unchecked)`: the debug build, which the tests run, keeps every check, and the compiler's static
// checks hold in both. Measured in docs/performance.md ("Issue 14: compiler settings and the matcher's bit
// sets"). SwiftPM calls such flags unsafe: a package that depended on this one could not build it (none does).
let releaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "pakessay",
    products: [
        .library(name: "PakEssay", targets: ["PakEssay"]),
        .executable(name: "pakessay", targets: ["pakessay"]),
    ],
    targets: [
        .target(
            name: "PakEssay", path: "Sources/PakEssay", swiftSettings: releaseSettings,
            plugins: ["RuleRegistryPlugin"]),
        // The list of rules, written at build time from the types in Sources/PakEssay/Grading/Rules.
        .plugin(
            name: "RuleRegistryPlugin", capability: .buildTool(), dependencies: ["RuleRegistryGenerator"],
            path: "Sources/RuleRegistryPlugin"),
        .executableTarget(name: "RuleRegistryGenerator", path: "Sources/RuleRegistryGenerator"),
        .executableTarget(
            name: "pakessay", dependencies: ["PakEssay"], path: "Sources/pakessay", swiftSettings: releaseSettings),
        .executableTarget(name: "pakessay-bench", dependencies: ["PakEssay"], path: "Benchmarks/pakessay-bench"),
        .testTarget(
            name: "PakEssayTests",
            dependencies: ["PakEssay", "pakessay"],
            path: "Tests/PakEssayTests",
            exclude: ["Golden", "FuzzRegressions", "LanguageSet", "LanguageSetBlind"]
        ),
    ]
)
