import Foundation

extension String {
    /// True when the text holds the ASCII character `byte`: `memchr` over its UTF-8 bytes,
    /// without walking characters (a UTF-8 sequence never contains an ASCII byte, so a byte
    /// match is a character match).
    public func containsASCII(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? utf8.contains(byte)
    }
}
