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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The C boundary: libxml2, wrapped by RundschauXML and imported nowhere else.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "RundschauXML", dependencies: ["CLibXML2"]),

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

        // publish: per-topic Atom feeds, OPML and an index page from plain values the glue hands over.
        .target(
            name: "RundschauWriter",
            dependencies: [
                "RundschauModel", "RundschauXML", "RundschauText",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // serve: the output folder over HTTP, read-only, conditional GET and gzip.
        .target(
            name: "RundschauServer",
            dependencies: [
                "RundschauConfig",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The thin command-line front end.
        .executableTarget(
            name: "rundschau",
            dependencies: [
                "RundschauModel", "RundschauParser", "RundschauImport", "RundschauConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Release-mode benchmarks (`swift run -c release rundschau-bench …`).
        .executableTarget(
            name: "rundschau-bench",
            dependencies: [
                "RundschauXML", "RundschauParser", "RundschauModel", "RundschauWriter", "RundschauServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),

        .testTarget(name: "RundschauXMLTests", dependencies: ["RundschauXML"]),
        .testTarget(name: "RundschauTextTests", dependencies: ["RundschauText"]),
        .testTarget(name: "RundschauConfigTests", dependencies: ["RundschauConfig"]),
        .testTarget(
            name: "RundschauParserTests",
            dependencies: ["RundschauParser", "RundschauModel"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauImportTests",
            dependencies: ["RundschauImport", "RundschauModel"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauWriterTests",
            dependencies: ["RundschauWriter", "RundschauXML", "RundschauModel", "RundschauParser"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauServerTests",
            dependencies: [
                "RundschauServer", "RundschauConfig",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
