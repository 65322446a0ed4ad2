import Foundation

/// Normalisation of titles for de-duplication.
public enum TitleKey {
    /// The title folded for comparison: case- and accent-folded, punctuation removed, words
    /// separated by single spaces. "Layer  Normalization." and "layer normalization" share a key.
    /// - Complexity: O(length).
    public static func normalise(_ title: String) -> String {
        if let ascii = normaliseASCII(title) { return ascii }
        var out = ""
        out.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for scalar in title.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let props = scalar.properties
            if props.generalCategory == .nonspacingMark { continue }
            if props.isAlphabetic || props.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                for lower in props.lowercaseMapping.unicodeScalars { out.unicodeScalars.append(lower) }
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// `normalise` for ASCII text, byte by byte (for ASCII, compatibility decomposition changes
    /// nothing, the alphanumerics are the letters and digits, and lowercasing is ASCII);
    /// nil when `title` is not all ASCII.
    private static func normaliseASCII(_ title: String) -> String? {
        let result = title.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            for b in bytes where b >= 0x80 { return nil }
            return String(unsafeUninitializedCapacity: max(bytes.count, 1)) { out in writeASCIIWords(bytes[...], to: out.baseAddress!) }
        }
        return result ?? nil
    }

    /// Writes the runs of letters and digits of ASCII `bytes`, lowercased and joined by single
    /// spaces (none before the first run), to `out`, which has room for `bytes.count` bytes
    /// (the words never take more); returns how many it wrote. `normalise` of ASCII text.
    static func writeASCIIWords(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var pendingSpace = false
        for b in bytes {
            let isDigit = b &- 0x30 < 10
            let lower = b | 0x20
            if isDigit || lower &- 0x61 < 26 {
                if pendingSpace && written > 0 {
                    out[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                out[written] = isDigit ? b : lower
                written += 1
            } else {
                pendingSpace = true
            }
        }
        return written
    }

    /// The key of a title without a leading short name: "TRP: Trained Rank Pruning…" →
    /// key of "Trained Rank Pruning…". Returns nil when the title has no "NAME:" prefix.
    public static func withoutShortName(_ title: String) -> String? {
        guard title.containsASCII(UInt8(ascii: ":")), let name = shortName(of: title), let colon = title.firstIndex(of: ":") else { return nil }
        _ = name
        let rest = normalise(String(title[title.index(after: colon)...]))
        return rest.split(separator: " ").count >= 3 ? rest : nil
    }

    /// The short name a title opens with, as in "FFJORD: Free-form Continuous Dynamics…":
    /// one to three words before the first colon, at most 30 characters. Nil otherwise.
    public static func shortName(of title: String) -> String? {
        // Most titles have no colon: a byte scan says so without walking characters.
        guard title.containsASCII(UInt8(ascii: ":")), let colon = title.firstIndex(of: ":") else { return nil }
        let head = String(title[..<colon]).trimmingWhitespace()
        guard !head.isEmpty, head.count <= 30, head.split(separator: " ").count <= 3 else { return nil }
        return head
    }
}

