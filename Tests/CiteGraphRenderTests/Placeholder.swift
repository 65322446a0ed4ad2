import Testing
@testable import CiteGraphRender

@Test func moduleLoads() { #expect(Bool(true)) }
