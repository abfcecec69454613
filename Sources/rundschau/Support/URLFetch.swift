import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A one-off GET for `rundschau parse URL`; subscriptions go through the fetcher instead.
enum URLFetch {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(_ url: URL) async throws -> [UInt8] {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.setValue("Rundschau/0.1 (+https://github.com/rundschau/rundschau)", forHTTPHeaderField: "User-Agent")
        let (data, response) = try await URLSession.shared.data(for: request)
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            throw Failure(description: "HTTP \(http.statusCode)")
        }
        return [UInt8](data)
    }
}
