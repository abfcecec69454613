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
        // fetch: HTTP client; swift-nio and swift-nio-extras come with it (the test server uses them directly).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        // serve: HTTP server; gzip for served feeds.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // store: PostgreSQL when one machine is not enough.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The C boundary: libxml2, wrapped by RundschauXML and imported nowhere else.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .target(name: "RundschauXML", dependencies: ["CLibXML2", "RundschauText"]),

        // The normalized article model every stage shares.
        .target(name: "RundschauModel"),
        // Text utilities shared by parser, importer, clustering, store, fetch and serve: dates (also HTTP dates),
        // HTML text, languages, stable (FNV-1a) hashes.
        .target(name: "RundschauText"),

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
        // OPML 2.0 subscription lists: the document model and the one writer (export and the published index.opml).
        .target(name: "RundschauOPML", dependencies: ["RundschauText", "RundschauXML"]),
        // fetch: polite HTTP/file fetching, scheduling policy, autodiscovery. No store dependency.
        .target(
            name: "RundschauFetch",
            dependencies: [
                "RundschauModel", "RundschauXML", "RundschauText", "RundschauOPML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // A programmable local HTTP/1.1 server (loopback only) for fetch tests and the fetch benchmark.
        .target(
            name: "RundschauTestServer",
            dependencies: [
                "RundschauFetch",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // dedup → cluster → topics: pure Swift, no store, no YAML.
        .target(
            name: "RundschauCluster",
            dependencies: [
                "RundschauModel", "RundschauText",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // evaluation: pairwise and B-cubed scores and NMI of a clustering against gold labels (bench and tests only).
        .target(name: "RundschauEvaluation"),

        // Settings: Config/rundschau.yaml, strict and documented.
        .target(name: "RundschauConfig", dependencies: ["RundschauModel", .product(name: "Yams", package: "Yams")]),
        // store: the FeedStore protocol and its value types (no database library), and the SQLite backend.
        .target(name: "RundschauStore", dependencies: ["RundschauModel", "RundschauText"]),
        .target(
            name: "RundschauStoreSQLite",
            dependencies: [
                "RundschauStore", "RundschauModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // The PostgreSQL backend: several fetch workers sharing one database.
        .target(
            name: "RundschauStorePostgres",
            dependencies: [
                "RundschauStore", "RundschauModel", "RundschauText",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The main job's glue: settings resolution, store opening, the run lock, the pipeline steps.
        .target(
            name: "RundschauPipeline",
            dependencies: [
                "RundschauModel", "RundschauConfig", "RundschauStore", "RundschauStoreSQLite",
                "RundschauParser", "RundschauImport", "RundschauFetch", "RundschauCluster", "RundschauText",
                "RundschauWriter", "RundschauStorePostgres", "RundschauOPML",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // publish: per-topic Atom feeds, OPML and an index page from plain values the glue hands over.
        .target(
            name: "RundschauWriter",
            dependencies: [
                "RundschauModel", "RundschauXML", "RundschauText", "RundschauOPML",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // serve: the output folder over HTTP, read-only, conditional GET and gzip (host and port come from the CLI).
        .target(
            name: "RundschauServer",
            dependencies: [
                "RundschauText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The thin command-line front end.
        .executableTarget(
            name: "rundschau",
            dependencies: [
                "RundschauModel", "RundschauText", "RundschauParser", "RundschauImport", "RundschauConfig",
                "RundschauStore", "RundschauPipeline", "RundschauFetch", "RundschauServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]),
        // Release-mode benchmarks (`swift run -c release rundschau-bench …`).
        .executableTarget(
            name: "rundschau-bench",
            dependencies: [
                "RundschauXML", "RundschauParser", "RundschauModel", "RundschauConfig", "RundschauPipeline",
                "RundschauStore", "RundschauStoreSQLite", "RundschauTestServer", "RundschauWriter", "RundschauServer",
                "RundschauCluster", "RundschauText", "RundschauStorePostgres", "RundschauEvaluation",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),

        // libFuzzer targets (`Scripts/fuzz`): one file each, no `main.swift`; a normal build links them as no-ops.
        .executableTarget(name: "FuzzFeed", dependencies: ["RundschauParser", "RundschauModel"]),
        .executableTarget(name: "FuzzDump", dependencies: ["RundschauImport", "RundschauModel"]),

        .testTarget(name: "RundschauXMLTests", dependencies: ["RundschauXML", "RundschauText"]),
        // The README's first command, end to end, through the built executable.
        .testTarget(
            name: "RundschauEndToEndTests",
            dependencies: [
                "rundschau", "RundschauParser", "RundschauModel", "RundschauPipeline", "RundschauStore",
                "RundschauStoreSQLite", "RundschauTestServer",
            ]),
        .testTarget(name: "RundschauTextTests", dependencies: ["RundschauText"]),
        .testTarget(name: "RundschauConfigTests", dependencies: ["RundschauConfig"]),
        .testTarget(
            name: "RundschauPipelineTests",
            dependencies: [
                "RundschauPipeline", "RundschauStore", "RundschauStoreSQLite", "RundschauModel", "RundschauConfig",
                "RundschauTestServer", "RundschauParser", "RundschauText", "RundschauCluster", "RundschauStorePostgres",
                "RundschauEvaluation",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RundschauClusterTests",
            dependencies: ["RundschauCluster", "RundschauModel", "RundschauEvaluation"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauParserTests",
            dependencies: ["RundschauParser", "RundschauModel", "RundschauText"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauImportTests",
            dependencies: ["RundschauImport", "RundschauModel"],
            resources: [.copy("Fixtures")]),
        // One conformance suite, run against every FeedStore backend.
        .testTarget(
            name: "RundschauStoreTests",
            dependencies: [
                "RundschauStore", "RundschauStoreSQLite", "RundschauStorePostgres", "RundschauModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RundschauFetchTests",
            dependencies: [
                "RundschauFetch", "RundschauTestServer", "RundschauModel", "RundschauText", "RundschauOPML",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RundschauWriterTests",
            dependencies: ["RundschauWriter", "RundschauXML", "RundschauModel", "RundschauParser", "RundschauText"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RundschauServerTests",
            dependencies: [
                "RundschauServer", "RundschauText",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
