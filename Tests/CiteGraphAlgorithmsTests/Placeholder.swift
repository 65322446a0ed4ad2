import Testing
@testable import CiteGraphAlgorithms

@Test func moduleLoads() { #expect(Bool(true)) }
