import Foundation

/// Sub-step timings for performance work: with `CITEGRAPH_TRACE_PHASES=1` each `mark`
/// prints the seconds since the previous mark and the CPU time the calling thread has used so
/// far to stderr ("  [phase] count 10.64s (thread cpu 9.80s)");
/// otherwise it does nothing. Used inside long steps (key phrases, co-topic) to see which
/// part of a step grows with the corpus.
public enum PhaseClock {
    private static let enabled = ProcessInfo.processInfo.environment["CITEGRAPH_TRACE_PHASES"] == "1"
    private static let state = Mutex()

    private final class Mutex: @unchecked Sendable {
        let lock = NSLock()
        var last = Date()
    }

    /// Prints `label` with the time since the previous mark (when tracing is on).
    public static func mark(_ label: String) {
        guard enabled else { return }
        state.lock.lock(); defer { state.lock.unlock() }
        let now = Date()
        var cpu = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
        let threadCPU = Double(cpu.tv_sec) + Double(cpu.tv_nsec) / 1e9
        FileHandle.standardError.write(
            Data(String(format: "  [phase] %@ %.2fs (thread cpu %.2fs)\n", label, now.timeIntervalSince(state.last), threadCPU).utf8))
        state.last = now
    }
}
