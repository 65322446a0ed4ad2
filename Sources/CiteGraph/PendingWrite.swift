import Dispatch

/// A store write running on another thread while the caller computes; `wait()` joins it and
/// rethrows its error. The store serialises it with every other write.
final class PendingWrite: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set by the write before it leaves the group, read only after `group.wait()`.
    private var failure: (any Error)?

    init(_ body: @escaping @Sendable () throws -> Void) {
        DispatchQueue.global().async(group: group) {
            do { try body() } catch { self.failure = error }
        }
    }

    /// Waits for the write; throws what it threw.
    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }
}
