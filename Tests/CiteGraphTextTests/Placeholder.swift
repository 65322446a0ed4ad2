import Testing
@testable import CiteGraphText

@Test func moduleLoads() { #expect(Bool(true)) }
