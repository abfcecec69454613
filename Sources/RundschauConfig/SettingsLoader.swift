import Foundation
import Yams

/// Reads `rundschau.yaml` strictly: unknown keys, wrong types and out-of-range values are errors naming the
/// file, the key and what was expected.
public enum SettingsLoader {
    /// Loads the settings at `path`. A missing file is an error when `required` (the user named it), else the
    /// built-in defaults apply.
    public static func load(path: String, required: Bool) throws(ConfigError) -> Settings {
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw ConfigError(file: path, message: "no such settings file") }
            return Settings()
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        var settings = try parse(text, file: path)
        settings.file = path
        settings.resolvePaths(relativeTo: (path as NSString).deletingLastPathComponent)
        return settings
    }

    /// Parses settings from YAML text; `file` names it in errors. Paths stay as written.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Settings {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(file: file, message: "not valid YAML: \(error)")
        } catch {
            throw ConfigError(file: file, message: "not valid YAML: \(error)")
        }
        var top = try YAMLSection(file: file, path: "", node: root)
        var s = Settings()

        var paths = try top.section("paths")
        s.paths.data = try paths.string("data", default: s.paths.data)
        s.paths.database = try paths.optionalString("database").flatMap { $0.isEmpty ? nil : $0 }
        s.paths.subscriptions = try paths.string("subscriptions", default: s.paths.subscriptions)
        s.paths.topics = try paths.string("topics", default: s.paths.topics)
        s.paths.output = try paths.string("output", default: s.paths.output)
        try paths.finish()

        var importing = try top.section("import")
        s.importing.folders = try importing.stringList("folders", default: s.importing.folders)
        s.importing.pattern = try importing.string("pattern", default: s.importing.pattern)
        try importing.finish()

        var fetch = try top.section("fetch")
        s.fetch.concurrency = try fetch.int("concurrency", default: s.fetch.concurrency, in: 1...512)
        s.fetch.perHost = try fetch.int("per_host", default: s.fetch.perHost, in: 1...64)
        s.fetch.connectTimeout = try fetch.int("connect_timeout", default: s.fetch.connectTimeout, in: 1...600)
        s.fetch.timeout = try fetch.int("timeout", default: s.fetch.timeout, in: 1...3600)
        s.fetch.maxBodyBytes = try fetch.int("max_body_bytes", default: s.fetch.maxBodyBytes, in: 1024...(1 << 30))
        s.fetch.minIntervalMinutes = try fetch.int("min_interval_minutes", default: s.fetch.minIntervalMinutes, in: 1...10080)
        s.fetch.maxIntervalMinutes = try fetch.int("max_interval_minutes", default: s.fetch.maxIntervalMinutes, in: 1...43200)
        s.fetch.failingAfter = try fetch.int("failing_after", default: s.fetch.failingAfter, in: 1...1000)
        s.fetch.userAgent = try fetch.optionalString("user_agent")
        try fetch.finish()
        if s.fetch.minIntervalMinutes > s.fetch.maxIntervalMinutes {
            throw ConfigError(file: file, key: "fetch.min_interval_minutes",
                              message: "must not exceed fetch.max_interval_minutes (\(s.fetch.maxIntervalMinutes))")
        }

        var parser = try top.section("parser")
        s.parser.maxDocumentBytes = try parser.int("max_document_bytes", default: s.parser.maxDocumentBytes, in: 1024...(1 << 30))
        try parser.finish()

        var cluster = try top.section("cluster")
        s.cluster.windowDays = try cluster.double("window_days", default: s.cluster.windowDays, in: 0.1...365)
        try cluster.finish()

        var publish = try top.section("publish")
        s.publish.baseURL = try publish.string("base_url", default: s.publish.baseURL)
        s.publish.title = try publish.string("title", default: s.publish.title)
        s.publish.author = try publish.string("author", default: s.publish.author)
        s.publish.entries = try publish.int("entries", default: s.publish.entries, in: 1...10000)
        s.publish.mode = Settings.PublishMode(rawValue: try publish.oneOf(
            "mode", Settings.PublishMode.allCases.map(\.rawValue), default: s.publish.mode.rawValue)) ?? s.publish.mode
        s.publish.webSubHub = try publish.optionalString("websub_hub").flatMap { $0.isEmpty ? nil : $0 }
        try publish.finish()
        guard let base = URL(string: s.publish.baseURL), base.scheme != nil, base.host != nil else {
            throw ConfigError(file: file, key: "publish.base_url", message: "expected an absolute http(s) URL, found \"\(s.publish.baseURL)\"")
        }
        if let hub = s.publish.webSubHub {
            guard let url = URL(string: hub), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host, !host.isEmpty else {
                throw ConfigError(file: file, key: "publish.websub_hub", message: "expected an absolute http(s) URL, found \"\(hub)\"")
            }
        }

        var run = try top.section("run")
        s.run.metricsFile = try run.optionalString("metrics_file").flatMap { $0.isEmpty ? nil : $0 }
        try run.finish()

        var retention = try top.section("retention")
        s.retention.days = try retention.int("days", default: s.retention.days, in: 0...36500)
        try retention.finish()

        var serve = try top.section("serve")
        s.serve.host = try serve.string("host", default: s.serve.host)
        s.serve.port = try serve.int("port", default: s.serve.port, in: 0...65535)
        try serve.finish()

        try top.finish()
        return s
    }
}

extension Settings {
    /// Makes every relative path absolute against `folder` (the settings file's folder).
    mutating func resolvePaths(relativeTo folder: String) {
        func resolve(_ path: String) -> String {
            if path.hasPrefix("/") || path.contains("://") { return path }
            let cwd = FileManager.default.currentDirectoryPath
            let base = folder.isEmpty ? cwd : folder.hasPrefix("/") ? folder : (cwd as NSString).appendingPathComponent(folder)
            return ((base as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        paths.data = resolve(paths.data)
        paths.database = paths.database.map(resolve)
        paths.subscriptions = resolve(paths.subscriptions)
        paths.topics = resolve(paths.topics)
        paths.output = resolve(paths.output)
        importing.folders = importing.folders.map(resolve)
        run.metricsFile = run.metricsFile.map(resolve)
    }
}
