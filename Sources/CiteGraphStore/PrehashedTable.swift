import CiteGraphCore

/// A 64-bit hash of a key's UTF-8 bytes, computed once where keys are made (the reader
/// prepares a chunk's keys on all cores) and carried with the key, so that the serial writer
/// of an ingest neither hashes strings nor reads a key's bytes except to confirm a match.
/// XXH64, the function of the content digest (`ContentDigest.hash`). Not seeded: a file
/// crafted to collide slows the table down but cannot make it answer wrongly (every match is
/// confirmed on the text).
enum KeyHash {
    static func of(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { ContentDigest.hash(UnsafeRawBufferPointer($0)) }
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
