import Foundation

extension FeedFetcher {
    /// Fetches many feeds with bounded concurrency, overall and per host, and yields each result as it completes.
    ///
    /// Hosts take turns (round robin), so one slow host with many feeds cannot starve the others; within a host,
    /// requests start in the order given. Stopping the iteration early cancels the fetches still running.
    /// ```swift
    /// for await result in fetcher.fetchAll(requests, concurrency: 16, perHost: 2) { record(result) }
    /// ```
    /// - Parameters:
    ///   - concurrency: fetches running at once in all (at least 1).
    ///   - perHost: fetches running at once against one host name (at least 1, at most
    ///     ``Configuration/maxConnectionsPerHost``, so that no fetch waits in the client's queue while its total
    ///     timeout runs). Local files count as one host.
    public func fetchAll(_ requests: [FetchRequest], concurrency: Int = 16, perHost: Int = 2) -> AsyncStream<FetchResult> {
        let (stream, continuation) = AsyncStream.makeStream(of: FetchResult.self)
        let task = Task {
            await self.fetchAll(requests, concurrency: concurrency, perHost: perHost) { result in
                continuation.yield(result)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The callback form of ``fetchAll(_:concurrency:perHost:)``: returns when every request has been fetched
    /// (or the task was cancelled). `onResult` is called for one result at a time, in completion order.
    public func fetchAll(
        _ requests: [FetchRequest], concurrency: Int, perHost: Int,
        onResult: (FetchResult) async -> Void
    ) async {
        var pending: [FetchRequest]? = requests
        await fetchAll(concurrency: concurrency, perHost: perHost, refill: { _ in
            defer { pending = nil }
            return pending ?? []
        }, onResult: onResult)
    }

    /// Fetches requests as `refill` hands them out, keeping up to `concurrency` running: whenever fewer than that
    /// are running or waiting for their host, `refill(room)` is asked for at most `room` more; an empty answer
    /// means there are no more. This is how a fetch worker claims feeds from a shared database one free slot at a
    /// time instead of a batch at a time. Returns when every request handed out has been fetched.
    public func fetchAll(
        concurrency: Int, perHost: Int,
        refill: (Int) async -> [FetchRequest],
        onResult: (FetchResult) async -> Void
    ) async {
        let hostLimit = min(max(1, perHost), max(1, configuration.maxConnectionsPerHost))
        var scheduler = HostScheduler([], perHost: hostLimit)
        let limit = max(1, concurrency)
        await withTaskGroup(of: (String, FetchResult).self) { group in
            var running = 0
            var exhausted = false
            func startAvailable() {
                while running < limit, !Task.isCancelled, let (host, request) = scheduler.next() {
                    running += 1
                    group.addTask {
                        let start = ContinuousClock.now
                        let outcome = await self.fetch(request)
                        return (host, FetchResult(request: request, outcome: outcome, duration: ContinuousClock.now - start))
                    }
                }
            }
            func topUp() async {
                let room = limit - running - scheduler.waiting
                guard !exhausted, room > 0, !Task.isCancelled else { return }
                let more = await refill(room)
                if more.isEmpty { exhausted = true } else { scheduler.add(more) }
            }
            await topUp()
            startAvailable()
            while let (host, result) = await group.next() {
                running -= 1
                scheduler.finished(host)
                await onResult(result)
                await topUp()
                startAvailable()
            }
        }
    }
}

/// Round-robin queues per host with a per-host running limit.
struct HostScheduler {
    private struct Queue {
        var requests: [FetchRequest] = []
        var next = 0
        var running = 0
    }
    private var queues: [String: Queue] = [:]
    private var hosts: [String] = []
    private var cursor = 0
    private let perHost: Int

    /// Requests added but not started yet.
    private(set) var waiting = 0

    init(_ requests: [FetchRequest], perHost: Int) {
        self.perHost = perHost
        add(requests)
    }

    /// Queues more requests behind those of their host.
    mutating func add(_ requests: [FetchRequest]) {
        for request in requests {
            let host = Self.key(request.url)
            if queues[host] == nil { hosts.append(host) }
            queues[host, default: Queue()].requests.append(request)
        }
        waiting += requests.count
    }

    static func key(_ url: URL) -> String {
        if let host = url.host, !host.isEmpty { return host.lowercased() }
        return "(local)"
    }

    /// The next request whose host has room, taking hosts in turn; `nil` when none can start now.
    mutating func next() -> (String, FetchRequest)? {
        guard !hosts.isEmpty else { return nil }
        for offset in 0..<hosts.count {
            let index = (cursor + offset) % hosts.count
            let host = hosts[index]
            guard var queue = queues[host], queue.running < perHost, queue.next < queue.requests.count else { continue }
            let request = queue.requests[queue.next]
            queue.next += 1
            queue.running += 1
            waiting -= 1
            queues[host] = queue
            cursor = (index + 1) % hosts.count
            return (host, request)
        }
        return nil
    }

    mutating func finished(_ host: String) {
        queues[host]?.running -= 1
    }
}
