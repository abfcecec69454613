import ArgumentParser
import Foundation
import Logging
import RundschauConfig
import RundschauPipeline

extension Rundschau {
    /// `rundschau cluster`: duplicates, stories and topics for the articles not yet placed.
    struct Cluster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cluster",
            abstract: "Deduplicate and cluster the new articles into stories; assign topics.",
            discussion: """
                Stored articles inside the time window (cluster.window_days around each new article) are read as \
                context and never re-decided. They keep the topics they were matched with until a topic's rules \
                in the topics file change; the first run after such a change matches the whole window again. \
                What each run derives from an article's text is kept (table article_feature, about 1.3 KB an \
                article, for twice the window plus a day), so the next run restores the stored articles without \
                reading their texts again. A window of more than 50,000 articles is read twice instead of holding \
                every text in memory; a window of 100,000 articles needs about 300 MiB. With --log-level debug \
                the step logs cluster.memory (what its indexes hold at their largest, by part) and \
                cluster.features (articles restored from kept features, kept, evicted).
                """)

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = try global.environment()
            let topics = try global.topics(environment)
            let lock = try Run.takeLock(environment, for: .cluster)
            let store = try await global.openStore(environment)
            let chatty = global.chatty
            do {
                let report = try await ClusterStep(settings: environment.settings, topics: topics,
                                                   logger: global.logger("rundschau.cluster"))
                    .run(store: store) { line in if chatty { Terminal.write(line + "\n") } }
                try? await store.close()
                if chatty {
                    Terminal.write("\(report.articles) articles: \(report.duplicates) duplicates, "
                        + "\(report.newClusters) new stories, \(report.updatedClusters) stories extended\n")
                }
            } catch {
                try? await store.close()
                Terminal.error("rundschau: cluster: \(error)")
                throw ExitCode(ExitStatus.partialFailure)
            }
            withExtendedLifetime(lock) {}
        }
    }

    /// `rundschau publish`: the topic feeds into the output folder.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Write the topic feeds (.atom, .json) and pages, all.atom, all.json, index.opml, index.html, feeds.html; notify the WebSub hub.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var outputOptions: OutputOptions

        func run() async throws {
            let environment = try global.environment(output: outputOptions.output)
            let topics = try global.topics(environment)
            let store = try await global.openStore(environment)
            let chatty = global.chatty
            do {
                let report = try await PublishStep(settings: environment.settings, topics: topics, output: environment.output,
                                                   logger: global.logger("rundschau.publish"))
                    .run(store: store) { line in if chatty { Terminal.write(line + "\n") } }
                try? await store.close()
                for warning in report.warnings { Terminal.error("warning: " + warning) }
                if chatty {
                    Terminal.write("\(environment.output): \(report.written.count) written, \(report.unchanged.count) unchanged, "
                        + "\(report.removed.count) removed; \(report.entries) entries in \(report.feeds) feeds\n")
                }
            } catch {
                try? await store.close()
                Terminal.error("rundschau: publish: \(error)")
                throw ExitCode(ExitStatus.partialFailure)
            }
        }
    }
}

extension GlobalOptions {
    /// The topics file the settings name; errors exit with status 2.
    func topics(_ environment: RunEnvironment) throws -> TopicsFile {
        do {
            return try TopicsFile.load(path: environment.settings.paths.topics)
        } catch {
            Terminal.error("rundschau: \(error)")
            throw ExitCode(ExitStatus.usageOrInput)
        }
    }
}
