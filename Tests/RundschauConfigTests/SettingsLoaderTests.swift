import Foundation
import Testing
@testable import RundschauConfig

@Suite struct SettingsLoaderTests {
    @Test func emptyFileGivesDefaults() throws {
        let s = try SettingsLoader.parse("", file: "x.yaml")
        #expect(s.fetch.concurrency == 16)
        #expect(s.publish.mode == .story)
        #expect(s.paths.resolvedDatabase == ".rundschau/rundschau.sqlite")
    }

    @Test func readsEverySection() throws {
        let yaml = """
            paths:
              data: data
              database: postgres://localhost/rundschau
            import:
              folders: [dumps, more]
            fetch:
              concurrency: 4
              per_host: 1
            cluster:
              window_days: 2.5
            publish:
              base_url: https://feeds.example.org/
              mode: article
            serve:
              port: 9000
            """
        let s = try SettingsLoader.parse(yaml, file: "x.yaml")
        #expect(s.paths.resolvedDatabase == "postgres://localhost/rundschau")
        #expect(s.importing.folders == ["dumps", "more"])
        #expect(s.fetch.concurrency == 4 && s.fetch.perHost == 1)
        #expect(s.cluster.windowDays == 2.5)
        #expect(s.publish.mode == .article && s.publish.baseURL == "https://feeds.example.org/")
        #expect(s.serve.port == 9000)
    }

    @Test func unknownKeyNamesFileKeyAndSuggestion() {
        #expect {
            try SettingsLoader.parse("fetch:\n  concurency: 4\n", file: "Config/rundschau.yaml")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("Config/rundschau.yaml:2: fetch.concurency: unknown key (did you mean \"concurrency\"?)")
        }
    }

    @Test func wrongTypeNamesExpectation() {
        #expect {
            try SettingsLoader.parse("fetch:\n  concurrency: many\n", file: "r.yaml")
        } throws: { error in
            "\(error)" == "r.yaml:2: fetch.concurrency: expected a whole number, found \"many\""
        }
        #expect {
            try SettingsLoader.parse("publish:\n  mode: everything\n", file: "r.yaml")
        } throws: { error in
            "\(error)".contains("publish.mode: expected one of \"story\", \"article\"")
        }
        #expect {
            try SettingsLoader.parse("serve:\n  port: 70000\n", file: "r.yaml")
        } throws: { error in
            "\(error)".contains("serve.port: expected a whole number from 0 to 65535, found 70000")
        }
    }

    @Test func webSubHubAndMetricsFile() throws {
        let s = try SettingsLoader.parse("publish:\n  websub_hub: https://hub.example.org/\nrun:\n  metrics_file: m.prom\n", file: "r.yaml")
        #expect(s.publish.webSubHub == "https://hub.example.org/")
        #expect(s.run.metricsFile == "m.prom")
        let defaults = try SettingsLoader.parse("publish:\n  websub_hub: \"\"\n", file: "r.yaml")
        #expect(defaults.publish.webSubHub == nil && defaults.run.metricsFile == nil)
        for bad in ["hub.example.org", "ftp://hub.example.org/", "https://"] {
            #expect {
                try SettingsLoader.parse("publish:\n  websub_hub: \"\(bad)\"\n", file: "r.yaml")
            } throws: { error in
                "\(error)".contains("publish.websub_hub: expected an absolute http(s) URL")
            }
        }
    }

    @Test func missingFileIsAnErrorOnlyWhenNamed() throws {
        #expect(throws: ConfigError.self) { try SettingsLoader.load(path: "/nonexistent/r.yaml", required: true) }
        let s = try SettingsLoader.load(path: "/nonexistent/r.yaml", required: false)
        #expect(s.file == nil)
    }

    @Test func relativePathsResolveAgainstTheFilesFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Config"), withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("Config/rundschau.yaml").path
        try "paths:\n  data: ../.rundschau\nimport:\n  folders: ../seeds\n".write(toFile: file, atomically: true, encoding: .utf8)
        let s = try SettingsLoader.load(path: file, required: true)
        #expect(s.paths.data == dir.appendingPathComponent(".rundschau").path)
        #expect(s.importing.folders == [dir.appendingPathComponent("seeds").path])
        #expect(s.paths.resolvedDatabase.hasSuffix(".rundschau/rundschau.sqlite"))
    }

    @Test func notYAML() {
        #expect(throws: ConfigError.self) { try SettingsLoader.parse("fetch: [unclosed", file: "bad.yaml") }
    }
}

@Suite struct TopicsFileTests {
    @Test func shippedTopicsLoad() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Config/topics.yaml").standardized.path
        let file = try TopicsFile.load(path: path)
        #expect(file.topics.map(\.name) == ["middle-east", "defence", "surveillance", "europe", "economy", "sport", "culture", "science", "technology"])
        #expect(file.topics[0].keywords.contains("Gaza"))
        #expect(file.discoverEnabled && file.discoverMinArticles == 4)
    }

    @Test func badTopicsNameTheKey() {
        #expect { try TopicsFile.parse("topics:\n  - name: Nah Ost\n    keywords: [x]\n", file: "t.yaml") } throws: {
            "\($0)".contains("topics[0].name: expected a slug")
        }
        #expect { try TopicsFile.parse("topics:\n  - name: a\n", file: "t.yaml") } throws: {
            "\($0)".contains("topics[0]: expected at least one of keywords")
        }
        #expect { try TopicsFile.parse("topics:\n  - name: a\n    keywords: [x]\n    colour: red\n", file: "t.yaml") } throws: {
            "\($0)".contains("topics[0].colour: unknown key")
        }
        #expect { try TopicsFile.parse("topics:\n  - name: a\n    patterns: ['(']\n", file: "t.yaml") } throws: {
            "\($0)".contains("not a valid regular expression")
        }
    }

    @Test func shippedSettingsLoad() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Config/rundschau.yaml").standardized.path
        let s = try SettingsLoader.load(path: path, required: true)
        #expect(s.paths.data.hasSuffix("/.rundschau"))
        #expect(s.paths.subscriptions.hasSuffix("/Config/feeds.opml"))
        #expect(s.importing.folders.count == 1 && s.importing.folders[0].hasSuffix("/seeds"))
        #expect(s.paths.output.hasSuffix("/Feeds"))
    }
}
