/// A bijection between external keys (paper ids, author keys, terms) and dense `Int32`
/// node ids, built at the boundary between the store and the algorithms.
public struct NodeIndex<Key: Hashable & Sendable>: Sendable {
    public private(set) var keys: [Key] = []
    private var ids: [Key: Int32] = [:]

    public init() {}

    public init<S: Sequence>(_ keys: S) where S.Element == Key {
        for k in keys { _ = insert(k) }
    }

    public var count: Int { keys.count }

    /// The id of `key`, adding it when new.
    public mutating func insert(_ key: Key) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        keys.append(key); ids[key] = id
        return id
    }

    public func id(of key: Key) -> Int32? { ids[key] }

    public subscript(id: Int32) -> Key { keys[Int(id)] }
}
