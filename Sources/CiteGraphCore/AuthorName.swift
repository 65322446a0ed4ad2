import Foundation

/// Author name normalisation.
public enum AuthorName {
    /// A key that joins spellings of one name: "Smith, J." and "Smith, J" and "J. Smith" share
    /// a key, "Doe, John" and "Doe, Jack" do not. Family name, then given names (full given
    /// names kept; initials as letters), case- and accent-folded.
    public static func key(_ name: String) -> String {
        let (family, given) = split(name)
        let givenKey = given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
            .map { TitleKey.normalise(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return TitleKey.normalise(family) + "," + givenKey
    }

    /// Splits a name into (family, given): "Doe, John" → ("Doe", "John"); "John Doe" → ("Doe", "John").
    public static func split(_ name: String) -> (family: String, given: String) {
        let trimmed = name.trimmingWhitespace()
        if let comma = trimmed.firstIndex(of: ",") {
            return (String(trimmed[..<comma]).trimmingWhitespace(), String(trimmed[trimmed.index(after: comma)...]).trimmingWhitespace())
        }
        let words = trimmed.split(separator: " ")
        guard words.count > 1 else { return (trimmed, "") }
        return (String(words.last!), words.dropLast().joined(separator: " "))
    }

    /// The initials of the given names, letters only: "John Ronald Reuel" → "JRR",
    /// "J.-P." → "JP", "" → "".
    public static func initials(_ given: String) -> String {
        String(given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).compactMap { $0.first(where: \.isLetter) }.map { Character($0.uppercased()) })
    }

    /// An ORCID iD in its bare form "0000-0002-1825-0097" from "https://orcid.org/…",
    /// "orcid.org/…" or the bare form; nil when `text` holds none.
    public static func orcid(_ text: String) -> String? {
        let digits = text.uppercased().filter { $0.isNumber || $0 == "X" }
        guard digits.count >= 16 else { return nil }
        let core = Array(digits.suffix(16))
        guard core.prefix(15).allSatisfy(\.isNumber) else { return nil }
        return stride(from: 0, to: 16, by: 4).map { String(core[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
