// swift-tools-version:6.1
import PackageDescription

/// Rundschau: fetch → parse → normalize → store ← import; store → cluster → topics → write → serve.
let package = Package(
    name: "Rundschau",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rundschau", targets: ["rundschau"]),
        .executable(name: "rundschau-bench", targets: ["rundschau-bench"]),
        .library(name: "RundschauParser", targets: ["RundschauParser"]),
        .library(name: "RundschauImport", targets: ["RundschauImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The C boundary: libxml2, wrapped by RundschauXML and imported nowhere else.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "RundschauXML", dependencies: ["CLibXML2", "RundschauText"]),

        // The normalized article model every stage shares.
        .target(name: "RundschauModel"),
        // Text utilities shared by parser, importer and clustering: dates, HTML text, languages.
        .target(name: "RundschauText", dependencies: ["RundschauModel"]),

        // parse → normalize
        .target(
            name: "RundschauParser",
            dependencies: [
                "RundschauXML", "RundschauModel", "RundschauText",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // import dumps
        .target(
            name: "RundschauImport",
            dependencies: [
                "RundschauModel", "RundschauText",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Settings: Config/rundschau.yaml, strict and documented.
        .target(name: "RundschauConfig", dependencies: [.product(name: "Yams", package: "Yams")]),
        // store: the FeedStore protocol and its value types (no database library), and the SQLite backend.
        .target(name: "RundschauStore", dependencies: ["RundschauModel"]),
        .target(
            name: "RundschauStoreSQLite",
            dependencies: [
                "RundschauStore", "RundschauModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),

        // The main job's glue: settings resolution, store opening, the run lock, the pipeline steps.
        .target(
            name: "RundschauPipeline",
            dependencies: [
                "RundschauModel", "RundschauConfig", "RundschauStore", "RundschauStoreSQLite",
                "RundschauParser", "RundschauImport",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The thin command-line front end.
        .executableTarget(
            name: "rundschau",
            dependencies: [
                "RundschauModel", "RundschauParser", "RundschauImport", "RundschauConfig",
                "RundschauStore", "RundschauPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Release-mode benchmarks (`swift run -c release rundschau-bench …`).
        .executableTarget(
            name: "rundschau-bench",
            dependencies: [
                "RundschauXML", "RundschauParser", "RundschauModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // libFuzzer targets (`Scripts/fuzz`): one file each, no `main.swift`; a normal build links them as no-ops.
        .executableTarget(name: "FuzzFeed", dependencies: ["RundschauParser", "RundschauModel"]),
        .executableTarget(name: "FuzzDump", dependencies: ["RundschauImport", "RundschauModel"]),

        .testTarget(name: "RundschauXMLTests", dependencies: ["RundschauXML"]),
        .testTarget(name: "RundschauTextTests", dependencies: ["RundschauText"]),
        .testTarget(name: "RundschauConfigTests", dependencies: ["RundschauConfig"]),
        .testTarget(
            name: "RundschauPipelineTests",
            dependencies: ["RundschauPipeline", "RundschauStore", "RundschauStoreSQLite", "RundschauModel"]),
        .testTarget(
            name: "RundschauParserTests",
            dependencies: ["RundschauParser", "RundschauModel"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauImportTests",
            dependencies: ["RundschauImport", "RundschauModel"],
            resources: [.copy("Fixtures")]),
        // One conformance suite, run against every FeedStore backend.
        .testTarget(
            name: "RundschauStoreTests",
            dependencies: [
                "RundschauStore", "RundschauStoreSQLite", "RundschauModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
