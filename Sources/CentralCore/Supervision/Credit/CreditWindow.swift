public import SyncCore

/// The span of the record an operator's credit counts: the last `days` days up to `through`, server time.
public struct CreditWindow: Codable, Hashable, Sendable {
    /// How many days the window spans by default: a year.
    public static let defaultDays = 365

    public let days: Int
    /// The first millisecond counted.
    public let from: Int64
    /// The last millisecond counted (the time the credit was read).
    public let through: Int64
    /// `from` and `through` as business days (`YYYY-MM-DD`, China Standard Time), which findings are dated by.
    public let fromDay: String
    public let throughDay: String

    /// The `days` days up to `now` (milliseconds).
    public init(days: Int = Self.defaultDays, now: Int64) {
        self.days = days
        from = now - Int64(days) * 86_400_000
        through = now
        fromDay = BusinessTime.dayOf(from)
        throughDay = BusinessTime.dayOf(now)
    }

    /// Whether `time` (milliseconds) is inside the window.
    public func contains(_ time: Int64) -> Bool { time >= from && time <= through }

    /// Whether business day `day` (`YYYY-MM-DD`) is inside the window.
    public func contains(day: String) -> Bool { day >= fromDay && day <= throughDay }
}
