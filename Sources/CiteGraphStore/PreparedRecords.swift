import CiteGraphCore
import Foundation

/// Records with their normalised keys (title key, short-title key, author keys) computed on
/// all cores, ready for an `IngestSession`. Unicode folding is the costly part of placing a
/// record, so callers prepare the next chunk while the previous one is being stored.
public struct PreparedRecords: Sendable {
    /// The records, in file order.
    public let records: [PaperRecord]
    let keys: [RecordKeys]

    /// Computes the keys of `records` (in parallel for large chunks).
    public init(_ records: [PaperRecord]) {
        self.records = records
        self.keys = RecordKeys.compute(records)
    }
}

/// The normalised keys of one record.
struct RecordKeys: Sendable {
    var title: String
    var short: String?
    var authors: [String]

    static func compute(_ records: [PaperRecord]) -> [RecordKeys] {
        let parts = records.count < 2_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 4
        let slots = KeySlots(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lo = records.count * part / parts, hi = records.count * (part + 1) / parts
            var out: [RecordKeys] = []
            out.reserveCapacity(hi - lo)
            for record in records[lo..<hi] {
                out.append(RecordKeys(
                    title: TitleKey.normalise(record.title), short: TitleKey.withoutShortName(record.title),
                    authors: record.authors.map(AuthorName.key)))
            }
            slots.set(part, out)
        }
        return slots.joined()
    }
}

/// Per-part results of `RecordKeys.compute`, each slot written by one worker.
private final class KeySlots: @unchecked Sendable {
    private var slots: [[RecordKeys]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ value: [RecordKeys]) { lock.lock(); slots[i] = value; lock.unlock() }
    func joined() -> [RecordKeys] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}
