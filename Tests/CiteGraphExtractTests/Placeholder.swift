import Testing
@testable import CiteGraphExtract

@Test func moduleLoads() { #expect(Bool(true)) }
