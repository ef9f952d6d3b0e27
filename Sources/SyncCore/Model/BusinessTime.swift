public import Foundation

/// Business times: milliseconds since the Unix epoch, read and shown in China Standard Time (UTC+8, no DST).
public enum BusinessTime {
    /// China Standard Time.
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Reads `2026-11-24T05:12:00+08:00`, `2026-11-24T05:12:00Z`, `2026-11-24 05:12` or `2026-11-24` (the last two
    /// in China Standard Time).
    public static func parse(_ text: String, field: String = "time") throws -> Int64 {
        let trimmed = text.trimmingSpaces
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: trimmed) { return millis(date) }
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return millis(date) }
        }
        throw TraceSyncError(
            "bad_time", field: field,
            zh: "时间「\(text)」格式错误：请写成 2026-11-24 05:12 或 2026-11-24T05:12:00+08:00。",
            en: "time \"\(text)\" is not valid: write it as 2026-11-24 05:12 or 2026-11-24T05:12:00+08:00."
        )
    }

    /// Reads a date `2026-11-24` and returns it as `YYYY-MM-DD`, checked.
    public static func day(_ text: String, field: String = "date") throws -> String {
        let millis = try parse(text, field: field)
        return dayOf(millis)
    }

    /// The current wall time.
    public static func now() -> Int64 { millis(Date()) }

    /// `yyyy-MM-dd HH:mm` in China Standard Time.
    public static func display(_ millis: Int64) -> String {
        let t = CivilTime(millis)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day)) \(pad(t.hour)):\(pad(t.minute))"
    }

    /// ISO 8601 with the +08:00 offset.
    public static func iso(_ millis: Int64) -> String {
        let t = CivilTime(millis)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day))T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))+08:00"
    }

    /// The `YYMMDD` date a trace code carries.
    public static func codeDate(_ millis: Int64) -> String {
        let t = CivilTime(millis)
        return pad(t.year % 100) + pad(t.month) + pad(t.day)
    }

    /// The `YYYY-MM-DD` day in China Standard Time.
    public static func dayOf(_ millis: Int64) -> String {
        let t = CivilTime(millis)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
