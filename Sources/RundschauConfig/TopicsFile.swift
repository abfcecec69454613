import Foundation
import RundschauModel
import Yams

/// The topics file: configured topics plus the switch for discovered ones.
public struct TopicsFile: Sendable, Hashable {
    public var topics: [TopicDefinition] = []
    /// Publish topics discovered from recurring term groups.
    public var discoverEnabled = true
    /// Articles a discovered topic needs before it is published.
    public var discoverMinArticles = 4

    public init() {}

    /// Loads `path`; a missing file means no configured topics.
    public static func load(path: String) throws(ConfigError) -> TopicsFile {
        guard FileManager.default.fileExists(atPath: path) else { return TopicsFile() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    /// Parses the YAML text of a topics file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> TopicsFile {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigError(file: file, message: "not valid YAML: \(error)")
        }
        var top = try YAMLSection(file: file, path: "", node: root)
        var result = TopicsFile()
        var discover = try top.section("discover")
        result.discoverEnabled = try discover.bool("enabled", default: true)
        result.discoverMinArticles = try discover.int("min_articles", default: 4, in: 2...10000)
        try discover.finish()
        let list = try top.list("topics")
        try top.finish()
        var seen: Set<String> = []
        for (index, node) in list.enumerated() {
            var section = try YAMLSection(file: file, path: "topics[\(index)]", node: node)
            let name = try section.string("name", default: "")
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                throw ConfigError(file: file, key: "topics[\(index)].name",
                                  message: "expected a slug of lowercase letters, digits and hyphens, found \"\(name)\"",
                                  line: node.mark?.line)
            }
            guard seen.insert(name).inserted, name != "all", name != "index" else {
                throw ConfigError(file: file, key: "topics[\(index)].name", message: "\"\(name)\" is used twice or reserved",
                                  line: node.mark?.line)
            }
            let spec = TopicDefinition(
                name: name,
                title: try section.string("title", default: name),
                keywords: try section.stringList("keywords", default: []),
                phrases: try section.stringList("phrases", default: []),
                patterns: try section.stringList("patterns", default: []),
                languages: try section.stringList("languages", default: []),
                sources: try section.stringList("sources", default: []))
            for pattern in spec.patterns {
                do { _ = try NSRegularExpression(pattern: pattern) } catch {
                    throw ConfigError(file: file, key: "topics[\(index)].patterns",
                                      message: "not a valid regular expression: \(pattern)", line: node.mark?.line)
                }
            }
            if spec.keywords.isEmpty && spec.phrases.isEmpty && spec.patterns.isEmpty {
                throw ConfigError(file: file, key: "topics[\(index)]",
                                  message: "expected at least one of keywords, phrases or patterns", line: node.mark?.line)
            }
            try section.finish()
            result.topics.append(spec)
        }
        return result
    }
}
