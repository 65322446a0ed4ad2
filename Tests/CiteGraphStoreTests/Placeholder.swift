import Testing
@testable import CiteGraphStore

@Test func moduleLoads() { #expect(Bool(true)) }
