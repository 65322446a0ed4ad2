import Testing
@testable import CiteGraphCore

@Test func moduleLoads() { #expect(Bool(true)) }
