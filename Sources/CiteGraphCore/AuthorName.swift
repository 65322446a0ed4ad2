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
}
