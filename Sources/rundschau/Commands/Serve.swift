import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RundschauServer

extension Rundschau {
    /// `rundschau serve`: the output folder over HTTP for feed readers.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the generated feeds read-only (ETag/304, gzip, HEAD, /metrics); picks up new files without restart.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var outputOptions: OutputOptions

        @Option(help: "Address to listen on (default serve.host, 127.0.0.1).")
        var host: String?

        @Option(help: "Port to listen on (default serve.port, 8080).")
        var port: Int?

        func run() async throws {
            let environment = try global.environment(output: outputOptions.output)
            var settings = environment.settings.serve
            if let host { settings.host = host }
            if let port { settings.port = port }
            try FileManager.default.createDirectory(atPath: environment.output, withIntermediateDirectories: true)
            // A server logs one access line per request (info) unless --log-level says otherwise.
            var logger = global.logger("rundschau.serve")
            if global.logLevel == nil { logger.logLevel = .info }
            let output = environment.output
            let listen = settings
            let app = try buildApplication(host: listen.host, port: listen.port, outputFolder: output, logger: logger) { port in
                Terminal.write("serving \(output) on http://\(listen.host):\(port)/\n")
            }
            try await app.runService()
        }
    }
}
