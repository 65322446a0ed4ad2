import CPrefetch
#if canImport(Glibc)
import Glibc
#endif

/// Storage of `count` elements on its own memory: aligned to a cache line, and for large
/// buffers to 2 MiB with the kernel asked for transparent huge pages (`madvise(MADV_HUGEPAGE)`
/// before the first write, Linux only), so that random probes of a table of hundreds of
/// megabytes do not also miss the TLB on every access.
final class PageAlignedStorage<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    private static var hugePage: Int { 2 << 20 }

    init(repeating value: Element, count: Int) {
        let bytes = max(1, count * MemoryLayout<Element>.stride)
        let large = bytes >= 4 * PageAlignedStorage.hugePage
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: large ? (bytes + PageAlignedStorage.hugePage - 1) / PageAlignedStorage.hugePage * PageAlignedStorage.hugePage : bytes,
            alignment: large ? PageAlignedStorage.hugePage : max(64, MemoryLayout<Element>.alignment))
        #if os(Linux)
        if large { _ = madvise(raw, (bytes + PageAlignedStorage.hugePage - 1) / PageAlignedStorage.hugePage * PageAlignedStorage.hugePage, MADV_HUGEPAGE) }
        #endif
        base = raw.bindMemory(to: Element.self, capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    /// A copy with the same elements (for copy-on-write).
    func copy() -> PageAlignedStorage {
        let other = PageAlignedStorage(repeating: base[0], count: count)
        other.base.update(from: base, count: count)
        return other
    }

    deinit { base.deallocate() }
}

/// An open-addressing hash table of `PhraseKey`s (linear probing, a multiply-xorshift hash
/// instead of `Hasher`'s SipHash, load ≤ 1/2) whose 32-byte entries hold the key with its counters, so
/// that one cache line — one prefetch — serves a probe and its update; the storage is
/// page-aligned and huge-page backed (`PageAlignedStorage`). The empty key (`s0 == 0`) marks
/// a free entry: no candidate, surface or term key is empty.
///
/// Used for candidate counting (`count`: frequency, document frequency), the index of the
/// counted keys and the vocabulary's term ids (`value`), and surface forms (`value` =
/// first-seen order, `tally`).
/// - Complexity: O(1) expected per operation; 64–128 bytes per key.
struct PhraseTable {
    struct Entry {
        var key = PhraseKey()
        /// The value stored with the key (a term id, an order).
        var value: Int32 = -1
        var occurrences = OccurrenceCount()
    }

    private var storage: PageAlignedStorage<Entry>
    private var mask: Int
    private(set) var count = 0

    /// A table sized for about `capacity` keys without growing.
    init(capacity: Int) {
        var size = 1024
        while size < 2 * capacity { size *= 2 }
        storage = PageAlignedStorage(repeating: Entry(), count: size)
        mask = size - 1
    }

    /// Which of `shards` shards `key` belongs to (high bits of the hash, independent of the
    /// entry bits).
    @inline(__always) static func shard(of key: PhraseKey, among shards: Int) -> Int {
        Int(UInt64(bitPattern: Int64(hash(key))) >> 40) % shards
    }

    @inline(__always) static func hash(_ k: PhraseKey) -> Int {
        var h = (UInt64(k.s0) << 32 | UInt64(k.s1)) &* 0x9E37_79B9_7F4A_7C15
        h ^= (UInt64(k.s2) << 32 | UInt64(k.s3)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    @inline(__always) private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The entry index holding `key`, or the free index where it would go.
    @inline(__always) private func slot(_ key: PhraseKey) -> (index: Int, found: Bool) {
        let entries = storage.base
        var i = PhraseTable.hash(key) & mask
        while true {
            let k = entries[i].key
            if k.s0 == 0 { return (i, false) }
            if k == key { return (i, true) }
            i = (i + 1) & mask
        }
    }

    /// Starts loading the entry where a probe for `key` begins (a hint; see `CPrefetch`).
    @inline(__always) func prefetch(_ key: PhraseKey) {
        citegraph_prefetch(storage.base + (PhraseTable.hash(key) & mask))
    }

    /// Adds `key` when absent (with `value`); returns the value stored with it.
    @inline(__always) @discardableResult
    mutating func insert(_ key: PhraseKey, value: Int32 = -1) -> Int32 {
        makeUnique()
        let (i, found) = slot(key)
        if found { return storage.base[i].value }
        storage.base[i] = Entry(key: key, value: value)
        count += 1
        if 2 * count > mask { grow() }
        return value
    }

    /// Adds `key` when absent (with `value`) and counts `occurrences` of it; returns the
    /// value stored with it.
    @inline(__always)
    mutating func tally(_ key: PhraseKey, value: Int32, by occurrences: Int32 = 1) -> Int32 {
        makeUnique()
        let (i, found) = slot(key)
        if found { storage.base[i].occurrences.count += occurrences; return storage.base[i].value }
        storage.base[i] = Entry(key: key, value: value, occurrences: OccurrenceCount(count: occurrences))
        count += 1
        if 2 * count > mask { grow() }
        return value
    }

    /// Counts one occurrence of `key` in document `document` (documents in increasing
    /// order) when the key is present.
    @inline(__always)
    mutating func count(_ key: PhraseKey, document: Int32) {
        makeUnique()
        let (i, found) = slot(key)
        guard found else { return }
        storage.base[i].occurrences.add(document: document)
    }

    /// The value stored with `key`, or nil.
    @inline(__always) func value(of key: PhraseKey) -> Int32? {
        let (i, found) = slot(key)
        return found ? storage.base[i].value : nil
    }

    /// Calls `body` with every entry, in table order.
    func forEach(_ body: (Entry) -> Void) {
        let entries = storage.base
        for i in 0...mask where entries[i].key.s0 != 0 { body(entries[i]) }
    }

    private mutating func grow() {
        let old = storage, oldSize = mask + 1
        storage = PageAlignedStorage(repeating: Entry(), count: 2 * oldSize)
        mask = 2 * oldSize - 1
        for j in 0..<oldSize where old.base[j].key.s0 != 0 {
            var i = PhraseTable.hash(old.base[j].key) & mask
            while storage.base[i].key.s0 != 0 { i = (i + 1) & mask }
            storage.base[i] = old.base[j]
        }
    }
}

/// Occurrences of a key and the number of distinct documents they lie in, counted over
/// documents in increasing order.
struct OccurrenceCount {
    var count: Int32 = 0
    var documents: Int32 = 0
    /// The last document counted (for `documents`).
    var lastDocument: Int32 = -1

    /// Counts one occurrence in `document` (no smaller than any document counted before).
    @inline(__always) mutating func add(document: Int32) {
        count += 1
        if lastDocument != document { lastDocument = document; documents += 1 }
    }
}
