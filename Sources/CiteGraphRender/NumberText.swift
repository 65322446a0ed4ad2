/// Numbers as reports and exports print them.
public enum NumberText {
    /// `value` in the shortest form that reads back as the same `Double` (Swift's own
    /// formatting), with integral values below 10¹⁵ printed without a fraction: `1`, `0.25`,
    /// `4.2537e-06`, `0.1234567891234567`. Several times faster than `String(format:)`,
    /// which matters for millions of edge weights, and exact.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
