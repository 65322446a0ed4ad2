import Foundation

/// One result slot per worker of `DispatchQueue.concurrentPerform`: each worker sets its own
/// slot; the caller reads them all after the parallel section, in slot order.
public final class ParallelSlots<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element]

    /// `count` slots, each holding `initial` until set.
    public init(count: Int, initial: Element) { slots = Array(repeating: initial, count: count) }

    /// Stores a worker's result.
    public func set(_ index: Int, _ value: Element) { lock.lock(); slots[index] = value; lock.unlock() }

    /// One slot's value.
    public subscript(index: Int) -> Element { lock.lock(); defer { lock.unlock() }; return slots[index] }

    /// Every slot, in order.
    public var all: [Element] { lock.lock(); defer { lock.unlock() }; return slots }
}
