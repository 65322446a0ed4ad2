import Foundation
@testable import CiteGraphRender
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator so randomized tests
/// repeat exactly; every test prints its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What an XML parse of a document found: whether it parsed, element names, the `class`
/// attribute of every `g` element, and all character data.
final class XMLSummary: NSObject, XMLParserDelegate {
    private(set) var elementNames: [String] = []
    private(set) var groupClasses: [String] = []
    private(set) var text = ""
    private(set) var error: String?
    private(set) var parsed = false

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        parsed = parser.parse()
        if !parsed { error = parser.parserError.map { "\($0)" } ?? "unknown parse error" }
    }

    convenience init(_ text: String) { self.init(Data(text.utf8)) }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elementNames.append(elementName)
        if elementName == "g", let cls = attributes["class"] { groupClasses.append(cls) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

    func count(groupClass: String) -> Int { groupClasses.filter { $0 == groupClass }.count }
}

/// A random diagram: `nodes` nodes in `communities` communities with scores in (0, 1], and
/// `edges` distinct edges between random distinct nodes.
func randomDiagram(nodes: Int, edges: Int, communities: Int, seed: UInt64, layout: Layout? = nil) -> Diagram {
    var rng = SplitMix64(seed: seed)
    let ns = (0..<nodes).map { i in
        DiagramNode(
            id: "W\(i)", label: "Paper \(i) about topic \(i % communities) and more words here",
            size: Double.random(in: 0.01...1, using: &rng), community: i % 17 == 0 ? nil : i % communities,
            tooltip: "Paper \(i)")
    }
    var seen = Set<[Int]>()
    var es: [DiagramEdge] = []
    while es.count < edges {
        let a = Int.random(in: 0..<nodes, using: &rng), b = Int.random(in: 0..<nodes, using: &rng)
        guard a != b, seen.insert([min(a, b), max(a, b)]).inserted else { continue }
        es.append(DiagramEdge(source: "W\(a)", target: "W\(b)", weight: Double.random(in: 0.1...5, using: &rng)))
    }
    let legend = (0..<communities).map { LegendEntry(community: $0, label: "Community \($0): term, term") }
    return Diagram(title: "Random \(nodes)/\(edges)", nodes: ns, edges: es, layout: layout, legend: legend)
}
