/// An element's attributes as a short list of (name as written, value) pairs, looked up by
/// name: cheaper to build than a dictionary for the one to five attributes an element has,
/// and built only for elements that have any.
struct XMLAttributes: Equatable, ExpressibleByDictionaryLiteral {
    /// The pairs in document order (namespace declarations first, as `xmlns` / `xmlns:p`).
    private(set) var pairs: [(name: String, value: String)] = []

    init() {}

    init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { append(name, value) }
    }

    /// Makes room for `count` attributes in one allocation (a start tag's are known at once).
    mutating func reserveCapacity(_ count: Int) {
        pairs.reserveCapacity(count)
    }

    /// Adds an attribute; a later value of the same name wins on lookup, as in a dictionary.
    mutating func append(_ name: String, _ value: String) {
        pairs.append((name, value))
    }

    /// The value of the attribute named `name` (with its prefix, as written), nil when absent.
    subscript(_ name: String) -> String? {
        var i = pairs.count
        while i > 0 {
            i -= 1
            if pairs[i].name == name { return pairs[i].value }
        }
        return nil
    }

    /// Equal when both give the same value for every name (order does not matter).
    static func == (a: XMLAttributes, b: XMLAttributes) -> Bool {
        a.pairs.allSatisfy { b[$0.name] == a[$0.name] } && b.pairs.allSatisfy { a[$0.name] == b[$0.name] }
    }
}
