import CPrefetch

/// A blocked Bloom filter of phrase keys (Putze, Sanders & Singler, "Cache-, Hash- and
/// Space-Efficient Bloom Filters", WEA 2007): each key sets 4 bits inside one 64-bit word,
/// so a test or an insert touches one cache line.
///
/// Candidate counting uses it to find the phrases seen more than once without storing the
/// many that occur only once: at 8 or more bits per key, about 2–3 % of single-occurrence
/// keys test positive; they are counted exactly afterwards and dropped like any rare key.
/// The words are page-aligned and huge-page backed (`PageAlignedStorage`): the filter is
/// hundreds of megabytes probed at random. A filter is owned by one counting loop and never
/// copied while in use.
/// - Complexity: O(1) per insert; `bits` / 8 bytes.
struct PhraseKeyFilter {
    private var words: PageAlignedStorage<UInt64>
    private let mask: Int

    /// A filter of at least `minimumBits` bits (a power of two, at least 4,096).
    init(minimumBits: Int) {
        var count = 64
        while count * 64 < minimumBits { count *= 2 }
        words = PageAlignedStorage(repeating: 0, count: count)
        mask = count - 1
    }

    /// Adds `key`; returns whether all its bits were already set (the key was probably
    /// inserted before).
    @inline(__always)
    mutating func insert(_ key: PhraseKey) -> Bool {
        if !isKnownUniquelyReferenced(&words) { words = words.copy() }
        let (index, pattern) = PhraseKeyFilter.probe(key, mask)
        let old = words.base[index]
        words.base[index] = old | pattern
        return old & pattern == pattern
    }

    /// Starts loading the word `key` maps to (a hint; see `CPrefetch`).
    @inline(__always)
    func prefetch(_ key: PhraseKey) {
        let index = PhraseKeyFilter.probe(key, mask).0
        citegraph_prefetch(words.base + index)
    }

    /// The word and the 4-bit pattern of a key, from a hash independent of `PhraseTable`'s.
    @inline(__always)
    private static func probe(_ k: PhraseKey, _ mask: Int) -> (Int, UInt64) {
        var h = (UInt64(k.s0) << 32 | UInt64(k.s1)) &* 0xD6E8_FEB8_6659_FD93
        h ^= (UInt64(k.s2) << 32 | UInt64(k.s3)) &* 0xA076_1D64_78BD_642F
        h ^= h >> 31
        h &*= 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        let pattern = (1 as UInt64) << (h & 63) | (1 as UInt64) << ((h >> 6) & 63)
            | (1 as UInt64) << ((h >> 12) & 63) | (1 as UInt64) << ((h >> 18) & 63)
        return (Int(truncatingIfNeeded: h >> 24) & mask, pattern)
    }
}
