import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on stderr: a bar with rate and ETA on a terminal, plain periodic lines otherwise,
/// nothing when quiet.
public final class ProgressReporter: @unchecked Sendable {
    public enum Mode: Sendable { case terminal, lines, quiet }

    public let mode: Mode
    private let lock = NSLock()
    private var step = ""
    private var total = 0
    private var started = Date()
    private var lastPrint = Date.distantPast

    /// A terminal bar when stderr is a TTY, plain lines otherwise; `quiet` silences it.
    public init(quiet: Bool) {
        if quiet { mode = .quiet } else { mode = isatty(2) != 0 ? .terminal : .lines }
    }

    public init(mode: Mode) { self.mode = mode }

    /// Whether each line first clears a bar another reporter may have drawn.
    private var clearsBar = false

    /// A reporter for steps running beside this one's (on another thread): plain lines, each
    /// clearing this reporter's bar first on a terminal; quiet when this one is.
    public func companion() -> ProgressReporter {
        let other = ProgressReporter(mode: mode == .quiet ? .quiet : .lines)
        other.clearsBar = mode == .terminal
        return other
    }

    /// Starts a step of `total` units (0 when unknown).
    public func begin(_ step: String, total: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        self.step = step; self.total = total; started = Date(); lastPrint = .distantPast
    }

    /// Reports `done` units of the current step (throttled).
    public func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        let interval = mode == .terminal ? 0.1 : 2.0
        guard mode != .quiet, now.timeIntervalSince(lastPrint) >= interval else { return }
        lastPrint = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(step): \(done)"
        if total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let eta = rate > 0 ? Double(total - done) / rate : 0
            if mode == .terminal {
                let width = 24
                let filled = Int(fraction * Double(width))
                text = "\(step) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)"
            } else {
                text += "/\(total)"
            }
            text += String(format: " %.0f/s ETA %.0fs", rate, eta)
        }
        write(mode == .terminal ? "\r\u{1B}[K" + text : text + "\n")
    }

    /// Ends the current step with a summary line.
    public func finish(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        guard mode != .quiet else { return }
        let elapsed = Date().timeIntervalSince(started)
        var line = String(format: "%@ (%.1fs)", message, elapsed)
        if traceMemory { line += ProgressReporter.memoryNote() }
        write(mode == .terminal ? "\r\u{1B}[K" + line + "\n" : line + "\n")
    }

    /// A message line.
    public func note(_ message: String) {
        guard mode != .quiet else { return }
        lock.lock(); defer { lock.unlock() }
        write(message + "\n")
    }

    /// `CITEGRAPH_TRACE_MEMORY=1` appends the resident set and its peak to every step line,
    /// for the per-step memory column of the scale runs.
    private let traceMemory = ProcessInfo.processInfo.environment["CITEGRAPH_TRACE_MEMORY"] == "1"

    private static func memoryNote() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1_048_576  // KiB → GiB
        var current = 0.0
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
           let pages = Double(statm.split(separator: " ").dropFirst().first ?? "")
        {
            current = pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_073_741_824
        }
        return String(format: " [rss %.2f GiB, peak %.2f GiB]", current, peak)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(((clearsBar ? "\r\u{1B}[K" : "") + text).utf8))
    }
}
