import ArgumentParser
import CiteGraph
import CiteGraphCore
import CiteGraphExtract

/// `--graph KIND` values.
typealias GraphKindArgument = GraphKind
extension GraphKind: ExpressibleByArgument {}

extension RecordFormat: ExpressibleByArgument {}

/// `--format table|csv|json` for rank and communities.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
