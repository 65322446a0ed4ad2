/// A 64-bit hash of a key's UTF-8 bytes, computed once where keys are made (the reader
/// prepares a chunk's keys on all cores) and carried with the key, so that the serial writer
/// of an ingest neither hashes strings nor reads a key's bytes except to confirm a match.
///
/// Eight bytes at a time: xor, multiply by the 64-bit golden ratio, fold the high half down;
/// then MurmurHash3's 64-bit finaliser (Appleby). Not seeded: a file crafted to collide slows
/// the table down but cannot make it answer wrongly (every match is confirmed on the text).
/// - Complexity: O(length).
enum KeyHash {
    static func of(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { of($0) }
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 32
                i += 8
            }
            if i < bytes.count {
                var tail: UInt64 = 0
                for j in i..<bytes.count { tail |= UInt64(bytes[j]) << (8 * UInt64(j - i)) }
                h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
            }
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}

/// A hash table from strings to values whose hashes (`KeyHash`) come with them. Open
/// addressing with linear probing over a power-of-two array of (hash, entry) slots, at most
/// half full; keys and values live in arrays in insertion order. A probe compares the stored
/// hash first, so a lookup reads the text of a key only when the whole 64-bit hash matches;
/// growing moves slots without touching any key.
/// - Complexity: O(1) expected per lookup and insertion.
struct PrehashedTable<Value> {
    private struct Slot {
        var hash: UInt64
        /// Index into `keys` / `values`; -1 when the slot is empty.
        var entry: Int
    }

    private var slots = [Slot](repeating: Slot(hash: 0, entry: -1), count: 16)
    private var keys: [String] = []
    private var values: [Value] = []

    var count: Int { keys.count }

    /// The entry holding `key`, or nil.
    func entry(_ key: String, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[i]
                if slot.entry < 0 { return nil }
                if slot.hash == hash && keys[slot.entry] == key { return slot.entry }
                i = (i + 1) & mask
            }
        }
    }

    subscript(key: String, hash hash: UInt64) -> Value? {
        entry(key, hash: hash).map { values[$0] }
    }

    /// The value of an entry, to read or change in place.
    subscript(entry entry: Int) -> Value {
        get { values[entry] }
        _modify { yield &values[entry] }
    }

    /// Adds `key`, which must not be in the table yet.
    mutating func insert(_ key: String, hash: UInt64, value: Value) {
        if (keys.count + 1) * 2 > slots.count { grow() }
        keys.append(key)
        values.append(value)
        place(Slot(hash: hash, entry: keys.count - 1))
    }

    private mutating func place(_ slot: Slot) {
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i].entry >= 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, entry: -1), count: old.count * 2)
        for slot in old where slot.entry >= 0 { place(slot) }
    }
}
