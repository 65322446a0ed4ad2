import Foundation

/// Numbers as reports and exports print them.
public enum NumberText {
    /// `value` with up to 10 significant digits, C's `%.10g` (no locale): `0.1234567891`,
    /// `3`, `1.5e-07`. Formats through `vsnprintf` into a stack buffer, several times faster
    /// than `String(format:)`, which matters for millions of edge weights.
    public static func significant10(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            let count = withVaList([value]) { vsnprintf(buffer.baseAddress!, 40, "%.10g", $0) }
            return buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 40) {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(min(max(count, 0), 39))), as: UTF8.self)
            }
        }
    }
}
