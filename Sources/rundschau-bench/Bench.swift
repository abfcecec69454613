import ArgumentParser

/// Release-mode benchmarks: `swift run -c release rundschau-bench <what> …`. Numbers go in the README.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rundschau-bench",
        abstract: "Measure Rundschau's speed and memory (build with -c release).",
        subcommands: [ParseBench.self, CorpusCommand.self, DigestCommand.self, FetchBench.self, WriteBench.self,
                      ServeBench.self, ClusterDataCommand.self, ClusterEvalCommand.self, ClusterSpeedCommand.self,
                      EvalCommand.self, WorkersBench.self, HistoryBench.self])
}
