import Testing

@testable import CiteGraphCore

/// The byte-by-byte key of ASCII names against the character-by-character key.
@Suite struct AuthorNameKeyTests {
    /// Hand-checked keys.
    @Test func handCheckedKeys() {
        #expect(AuthorName.key("Smith, J.") == "smith,j")
        #expect(AuthorName.key("  John Ronald  Tolkien ") == "tolkien,john ronald")
        #expect(AuthorName.key("Doe,Jean-Pierre") == "doe,jean pierre")
        #expect(AuthorName.key("O'Brien, M.-A.") == "o brien,m a")
        #expect(AuthorName.key("Plato") == "plato,")
        #expect(AuthorName.key("Müller, Jürgen") == "muller,jurgen")
        #expect(AuthorName.key("Jürgen Müller") == "muller,jurgen")
    }

    /// 20,000 random ASCII names (letters, digits, spaces, tabs, commas, dots, hyphens and
    /// other punctuation) give the same key both ways.
    @Test func asciiKeysEqualCharacterKeys() {
        let alphabet = Array("aAbZz09 , .-\t'\"()_;:&/ ,  ".utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let name = String(decoding: bytes, as: UTF8.self)
            #expect(AuthorName.key(name) == AuthorName.keyByCharacters(name), "\(name.debugDescription)")
        }
    }
}
