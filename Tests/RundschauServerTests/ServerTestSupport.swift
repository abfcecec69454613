import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
@testable import RundschauServer

/// A temporary output folder with a few published-looking files, and a live server on 127.0.0.1.
struct ServerFixture {
    let folder: String
    let logs = LogCapture()

    static let atom = Array("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:example.org,2026:feed/all</id><title>Alle</title>\
        <updated>2024-06-11T10:15:00Z</updated>\(String(repeating: "<entry><id>x</id><title>Eintrag</title><updated>2024-06-11T10:15:00Z</updated></entry>", count: 40))</feed>

        """.utf8)

    init() throws {
        folder = NSTemporaryDirectory() + "rundschau-server-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try write("all.atom", Self.atom)
        try write("index.opml", Array("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body/></opml>\n".utf8))
        try write("index.html", Array("<!DOCTYPE html><html><head><title>Rundschau</title></head><body>Index</body></html>\n".utf8))
        try write("sub/nested.atom", Self.atom)
        try write("all.json", Array("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Alle\", \"items\": []}\n".utf8))
        try write(".rundschau-manifest", Array("all.atom\n".utf8))
        // Symlinks: one inside the folder (served), two pointing outside (never served).
        try FileManager.default.createSymbolicLink(atPath: folder + "/alias.atom", withDestinationPath: "all.atom")
        try FileManager.default.createSymbolicLink(atPath: folder + "/passwd.atom", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: folder + "/etc", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: folder + "/hidden.atom", withDestinationPath: ".rundschau-manifest")
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        // Like the publisher: a temporary file, then rename.
        let temporary = folder + "/.tmp-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, folder + "/" + name) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs `test` against a live server on 127.0.0.1 (port 0) serving the folder.
    func withServer<Value: Sendable>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let logger = Logger(label: "test.server", factory: { [logs] _ in logs.handler() })
        let app = try buildApplication(host: "127.0.0.1", port: 0, outputFolder: folder, logger: logger)
        return try await app.test(.live, test)
    }
}

/// Collects log messages (swift-log handler) for assertions.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var messages: [String] { lines.withLock { $0 } }

    func handler() -> some LogHandler { Handler(capture: self) }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append("\(event.message)")
        }
    }
}
