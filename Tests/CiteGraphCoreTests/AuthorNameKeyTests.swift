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
        for name in randomASCIINames(20_000, alphabet: "aAbZz09 , .-\t'\"()_;:&/ ,  ", seed: 0x9E37_79B9_7F4A_7C15) {
            #expect(AuthorName.key(name) == AuthorName.keyByCharacters(name), "\(name.debugDescription)")
        }
    }
}

/// The byte-by-byte parts of ASCII names against `split` and `initials` by characters.
@Suite struct AuthorNamePartsTests {
    /// Hand-checked parts.
    @Test func handCheckedParts() {
        #expect(AuthorName.parts("Smith, J.") == ("Smith", "J.", "J"))
        #expect(AuthorName.parts("  John Ronald  Tolkien ") == ("Tolkien", "John Ronald", "JR"))
        #expect(AuthorName.parts("Doe,Jean-Pierre") == ("Doe", "Jean-Pierre", "JP"))
        #expect(AuthorName.parts("O'Brien, m.-a.") == ("O'Brien", "m.-a.", "MA"))
        #expect(AuthorName.parts("Plato") == ("Plato", "", ""))
        #expect(AuthorName.parts("van der Berg, 2nd Ann") == ("van der Berg", "2nd Ann", "NA"))
        #expect(AuthorName.parts("Jürgen Müller") == ("Müller", "Jürgen", "J"))
    }

    /// 20,000 random ASCII names (letters, digits, spaces, tabs, CR LF, other control
    /// characters, commas, dots, hyphens and other punctuation) give the same parts both ways.
    @Test func asciiPartsEqualCharacterParts() {
        for name in randomASCIINames(20_000, alphabet: "aAbZz09 , .-\t\r\n\u{1C}\u{1F}\u{0B}'\"()_;:&/ ,  ", seed: 0x2545_F491_4F6C_DD1D) {
            let (family, given) = AuthorName.split(name)
            let expected = (family, given, AuthorName.initials(given))
            #expect(AuthorName.partsASCII(name).map { $0 == expected } == true, "\(name.debugDescription)")
        }
    }
}

/// `count` names of 0–31 bytes drawn from `alphabet` by a 64-bit LCG (Knuth's MMIX constants).
func randomASCIINames(_ count: Int, alphabet: String, seed: UInt64) -> [String] {
    let alphabet = Array(alphabet.utf8)
    var state = seed
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
    return (0..<count).map { _ in
        let length = Int(next() >> 59)
        return String(decoding: (0..<length).map { _ in alphabet[Int(next() >> 33) % alphabet.count] }, as: UTF8.self)
    }
}
