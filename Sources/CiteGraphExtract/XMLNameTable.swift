import CLibXML2

/// The element and attribute names of one parse, by their pointers in libxml2's name
/// dictionary (which stay put for the whole parse): each distinct (prefix, local name)
/// becomes a `String` once, with whether it is an inline formatting element. Looked up on
/// every start and end tag, so it hashes the two pointers itself (open addressing, linear
/// probing) instead of going through `Hasher`.
struct XMLNameTable {
    /// Local names of the elements whose attributes are kept; nil for every element.
    let attributeElements: Set<String>?

    init(attributeElements: Set<String>? = nil) {
        self.attributeElements = attributeElements
    }

    /// One known name.
    struct Entry {
        /// `prefix:local`, or `local` without a prefix.
        var name: String
        /// Whether the name (without prefix) is one of `XMLStreamReader.inlineElements`.
        var isInline: Bool
        /// Whether the attributes of elements of this (local) name are kept.
        var keepsAttributes: Bool
    }

    private(set) var entries: [Entry] = []
    /// Slot → 1 + index into `entries`; 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 256)
    private var prefixes = [UnsafePointer<xmlChar>?](repeating: nil, count: 256)
    private var locals = [UnsafePointer<xmlChar>?](repeating: nil, count: 256)

    /// The index in `entries` of `prefix:local`, added when new.
    mutating func index(prefix: UnsafePointer<xmlChar>?, local: UnsafePointer<xmlChar>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(prefix, local) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if locals[slot] == local && prefixes[slot] == prefix { return stored - 1 }
            slot = (slot + 1) & mask
        }
        let localName = String(cString: local)
        let name = prefix.map { String(cString: $0) + ":" + localName } ?? localName
        entries.append(
            Entry(
                name: name, isInline: XMLStreamReader.inlineElements.contains(localName),
                keepsAttributes: attributeElements?.contains(localName) ?? true))
        slots[slot] = Int32(entries.count)
        prefixes[slot] = prefix
        locals[slot] = local
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    private static func hash(_ prefix: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>) -> Int {
        let a = UInt(bitPattern: local) &* 0x9E37_79B9_7F4A_7C15
        let b = UInt(bitPattern: prefix) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: (a ^ b) >> 17)
    }

    private mutating func grow() {
        let old = (slots, prefixes, locals)
        let count = slots.count * 2
        slots = [Int32](repeating: 0, count: count)
        prefixes = [UnsafePointer<xmlChar>?](repeating: nil, count: count)
        locals = [UnsafePointer<xmlChar>?](repeating: nil, count: count)
        for i in old.0.indices where old.0[i] != 0 {
            guard let local = old.2[i] else { continue }
            var slot = Self.hash(old.1[i], local) & (count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (count - 1) }
            slots[slot] = old.0[i]
            prefixes[slot] = old.1[i]
            locals[slot] = local
        }
    }
}
