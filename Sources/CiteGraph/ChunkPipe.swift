import Foundation

/// A bounded hand-off between one producer and one consumer thread. `nil` ends the stream.
final class ChunkPipe<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Result<Element, Error>?] = []
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then hands `item` over; false when the consumer has gone.
    func put(_ item: Result<Element, Error>?) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for the next item; nil at the end of the stream.
    func take() -> Result<Element, Error>? {
        condition.lock(); defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Tells the producer to stop.
    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
