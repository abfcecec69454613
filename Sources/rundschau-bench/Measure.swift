import Foundation

/// Timing and memory helpers shared by the benchmarks.
enum Measure {
    /// Peak resident memory of this process so far, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resident memory of this process now, in MiB (Linux: `/proc/self/statm`; elsewhere the peak).
    static func currentMemoryMiB() -> Double {
        #if os(Linux)
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
           let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) {
            return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
        }
        #endif
        return peakMemoryMiB()
    }

    /// CPU seconds this thread has used: unlike wall-clock time, not inflated when other processes load the machine.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// User plus system CPU seconds of this process, or of its finished child processes (`children`).
    static func cpuSeconds(children: Bool = false) -> Double {
        var usage = rusage()
        getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Seconds per pass, by the wall clock and by this thread's CPU time.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    /// Runs `body` repeatedly until at least `minimum` seconds have passed (at least three passes), or exactly
    /// `passes` times; returns the median pass (by CPU time), which a busy machine disturbs least.
    static func repeatFor(minimum: Double, passes fixed: Int? = nil, _ body: () -> Void) -> Timing {
        let clock = ContinuousClock()
        let start = clock.now
        var timings: [Timing] = []
        repeat {
            let passStart = clock.now
            let cpuStart = threadCPUSeconds()
            body()
            timings.append(Timing(wall: (clock.now - passStart) / .seconds(1), cpu: threadCPUSeconds() - cpuStart))
        } while fixed.map { timings.count < $0 } ?? (timings.count < 3 || (clock.now - start) / .seconds(1) < minimum)
        return median(timings)
    }

    /// The timing with the median CPU time.
    static func median(_ timings: [Timing]) -> Timing {
        let sorted = timings.sorted { $0.cpu < $1.cpu }
        return sorted[sorted.count / 2]
    }

    static func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}

