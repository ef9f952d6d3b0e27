import SyncCore
import CentralCore
import CentralSQLite

/// When an enrollment code stops working, as an admin types it: `7d`, `24h`, or a date `2026-12-01` (valid through
/// the end of that day, China Standard Time).
enum EnrollCodeExpiry {
    /// The expiry in milliseconds since the epoch.
    /// - Throws: `TraceSyncError` `bad_expiry` for text it cannot read or a time not after `now`.
    static func parse(_ text: String, now: Int64) throws -> Int64 {
        let expiresAt: Int64
        if let count = Int64(text.dropLast()), count > 0, let unit = text.last, let millis = unitMillis[unit] {
            expiresAt = now + count * millis
        } else if text.count == 10, let day = try? BusinessTime.parse(text, field: "expires") {
            expiresAt = day + unitMillis["d"]! - 1
        } else {
            throw refusal(text)
        }
        guard expiresAt > now else { throw refusal(text) }
        return expiresAt
    }

    private static let unitMillis: [Character: Int64] = ["d": 86_400_000, "h": 3_600_000]

    private static func refusal(_ text: String) -> TraceSyncError {
        TraceSyncError(.badExpiry, field: "expires",
                       zh: "有效期「\(text)」无效：请写成 7d（天）、24h（小时）或今后的日期 2026-12-01。",
                       en: "expiry \"\(text)\" is not valid: write 7d (days), 24h (hours) or a future date such as 2026-12-01.")
    }
}
