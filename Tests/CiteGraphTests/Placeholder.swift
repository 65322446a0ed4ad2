import Testing
@testable import CiteGraph

@Test func moduleLoads() { #expect(Bool(true)) }
