import CiteGraphExtract
import Dispatch

/// Work running on another thread while the caller computes (a store write, edges.csv, the
/// citation branch of `run`); `wait()` joins it and rethrows its error. Store writes in it
/// are serialised with every other write by the store.
final class BackgroundWork: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Set by the work before it leaves the group, read only after `group.wait()`.
    private var failure: (any Error)?

    init(_ body: @escaping @Sendable () throws -> Void) {
        DispatchQueue.global().async(group: group) {
            do { try body() } catch { self.failure = error }
        }
    }

    /// Waits for the work; throws what it threw.
    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }
}

/// A streamed file's content digest computed on another thread while the file is stored.
final class BackgroundDigest: @unchecked Sendable {
    /// Written by the work before it finishes; read only after `work.wait()`.
    private var digest = ""
    private var work: BackgroundWork?

    init(path: String) {
        work = BackgroundWork { [self] in digest = try StreamedRecordFile.contentDigest(path: path) }
    }

    /// Waits for the digest; throws the reading error.
    func wait() throws -> String {
        try work?.wait()
        return digest
    }
}
