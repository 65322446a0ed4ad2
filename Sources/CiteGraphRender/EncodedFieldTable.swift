/// CSV-encoded fields stored end to end and looked up by a small integer key (a store row
/// id): each value is encoded once (`CSVWriter.appendField`), so writing millions of rows
/// that name the same nodes copies bytes instead of re-encoding strings.
public struct EncodedFieldTable: Sendable {
    private var bytes: [UInt8] = []
    /// `offsets[k]..<offsets[k + 1]` holds key `k`'s field.
    private var offsets: [Int] = [0]

    /// Encodes `values` (key → text), laid out densely from key 0 to the largest; a key
    /// without a value spells its own number, as the report does for unnamed nodes.
    /// - Precondition: keys are not negative.
    /// - Complexity: O(largest key + total text length).
    public init(_ values: [Int64: String]) {
        let largest = Int(values.keys.max() ?? -1)
        precondition((values.keys.min() ?? 0) >= 0, "keys must not be negative")
        var ordered = [String?](repeating: nil, count: largest + 1)
        for (key, value) in values { ordered[Int(key)] = value }
        offsets.reserveCapacity(largest + 2)
        for key in 0..<ordered.count {
            CSVWriter.appendField(ordered[key] ?? String(key), to: &bytes)
            offsets.append(bytes.count)
        }
    }

    /// Appends key `key`'s encoded field to `out` (its number when the key is unknown).
    @inline(__always)
    public func append(_ key: Int64, to out: inout [UInt8]) {
        let k = Int(key)
        if k >= 0 && k + 1 < offsets.count {
            out.append(contentsOf: bytes[offsets[k]..<offsets[k + 1]])
        } else {
            out.append(contentsOf: String(key).utf8)
        }
    }
}
