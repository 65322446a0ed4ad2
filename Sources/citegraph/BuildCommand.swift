import ArgumentParser
import CiteGraph
import CiteGraphAlgorithms
import CiteGraphCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build graphs from the stored records: \(GraphKind.allCases.map(\.rawValue).joined(separator: ", ")).",
        discussion: """
            cotopic: papers sharing key phrases (cosine, top-k neighbours); topics: the topic map
            (co-occurring phrases, association strength); coauthor: joint papers; citation:
            resolved references; mention: papers naming another paper's short name; coupling:
            shared references; cocitation: cited together. Rebuilding replaces a graph's edges.

            Examples:
              citegraph build                       # cotopic, topics and mention
              citegraph build --graph citation --graph cocitation
              citegraph build --graph cotopic --neighbours 15
              citegraph build --graph cotopic --graph topics --thesaurus thesaurus.txt
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("graph"), help: "Graph to build (repeatable).")
    var graphs: [GraphKind] = [.cotopic, .topics, .mention]

    @Option(help: "Co-topic neighbours kept per paper.")
    var neighbours: Int = 10

    @Option(help: "Co-topic: smallest cosine similarity kept.")
    var minSimilarity: Double = 0.05

    @Option(help: "Topic map: number of topics.")
    var topics: Int = 100

    @Option(help: "VOSviewer thesaurus file (label<TAB>replace by; an empty replacement drops the term).")
    var thesaurus: String?

    @Option(help: "Co-author counting: full or fractional.")
    var counting: String = "full"

    func validate() throws {
        if neighbours < 1 { throw ValidationError("--neighbours must be at least 1") }
        if !(0...1).contains(minSimilarity) { throw ValidationError("--min-similarity must be in [0, 1]") }
        if Cooccurrence.Counting(rawValue: counting) == nil { throw ValidationError("--counting must be full or fractional") }
    }

    func run() throws {
        var options = BuildOptions()
        options.neighbours = neighbours
        options.minSimilarity = minSimilarity
        options.topicCount = topics
        options.thesaurus = thesaurus
        options.counting = Cooccurrence.Counting(rawValue: counting)!
        let counts = try store.pipeline().build(graphs, options: options)
        for kind in graphs { print("\(kind.rawValue): \(counts[kind] ?? 0) edges") }
    }
}
