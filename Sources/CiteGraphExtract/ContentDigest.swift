/// The content digest that identifies an ingested file: XXH64 (Yann Collet's xxHash, 64-bit,
/// seed 0) of its bytes, written "xxh64:" and 16 hex digits. It identifies content; it is
/// not a security measure.
///
/// XXH64 reads 32 bytes per step in four independent lanes, about ten times faster than the
/// byte-by-byte FNV-1a that citegraph stored before (`RecordFile.legacyDigest`): at a million
/// records, FNV-1a took two seconds of a core. Stores still holding FNV-1a digests are read
/// with both (`IngestSession.beginFile`).
/// - Complexity: O(bytes), fed in pieces of any size.
public struct ContentDigest {
    public static let prefix = "xxh64:"
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1: UInt64 = p1 &+ p2
    private var v2: UInt64 = p2
    private var v3: UInt64 = 0
    private var v4: UInt64 = 0 &- p1
    private var total: UInt64 = 0
    /// The bytes of an incomplete 32-byte stripe.
    private var pending: [UInt8] = []

    public init() { pending.reserveCapacity(32) }

    /// The digest of `bytes` in one piece.
    public static func of(_ bytes: [UInt8]) -> String {
        var digest = ContentDigest()
        digest.add(bytes)
        return digest.hex
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        total &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            offset = min(32 - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<offset]))
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripe($0.baseAddress!) }
            pending.removeAll(keepingCapacity: true)
        }
        while offset + 32 <= bytes.count {
            stripe(base + offset)
            offset += 32
        }
        if offset < bytes.count { pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
    }

    /// The digest as written in the store: "xxh64:" and 16 hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return ContentDigest.prefix + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The 64-bit XXH64 value of everything added.
    public var value: UInt64 {
        typealias D = ContentDigest
        var h: UInt64
        if total >= 32 {
            h = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            for lane in [v1, v2, v3, v4] { h = (h ^ D.round(0, lane)) &* D.p1 &+ D.p4 }
        } else {
            h = v3 &+ D.p5  // the seed (0) plus P5
        }
        h &+= total
        pending.withUnsafeBytes { tail in
            var i = 0
            while i + 8 <= tail.count {
                h ^= D.round(0, UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                h = rotate(h, 27) &* D.p1 &+ D.p4
                i += 8
            }
            if i + 4 <= tail.count {
                h ^= UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* D.p1
                h = rotate(h, 23) &* D.p2 &+ D.p3
                i += 4
            }
            while i < tail.count {
                h ^= UInt64(tail[i]) &* D.p5
                h = rotate(h, 11) &* D.p1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= D.p2
        h ^= h >> 29
        h &*= D.p3
        h ^= h >> 32
        return h
    }

    private mutating func stripe(_ p: UnsafeRawPointer) {
        v1 = ContentDigest.round(v1, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
        v2 = ContentDigest.round(v2, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        v3 = ContentDigest.round(v3, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        v4 = ContentDigest.round(v4, UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* p2, 31) &* p1
    }
}

@inline(__always) private func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
