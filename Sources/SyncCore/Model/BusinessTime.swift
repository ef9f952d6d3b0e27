public import Foundation

/// Business times: milliseconds since the Unix epoch, read and shown in China Standard Time (UTC+8, no DST).
public enum BusinessTime {
    /// China Standard Time.
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// Reads `2026-11-24T05:12:00+08:00`, `2026-11-24T05:12:00Z`, `2026-11-24 05:12` or `2026-11-24` (the last two
    /// in China Standard Time).
    public static func parse(_ text: String, field: String = "time") throws -> Int64 {
        let trimmed = text.trimmingSpaces
        if let millis = localMillis(trimmed) { return millis }
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
            .badTime, field: field,
            zh: "时间「\(text)」格式错误：请写成 2026-11-24 05:12 或 2026-11-24T05:12:00+08:00。",
            en: "time \"\(text)\" is not valid: write it as 2026-11-24 05:12 or 2026-11-24T05:12:00+08:00."
        )
    }

    /// `yyyy-MM-dd`, `yyyy-MM-dd HH:mm` or `yyyy-MM-dd HH:mm:ss` (or `T` for the space) in China Standard Time, read
    /// by integer arithmetic: the forms a weighing system writes on every row of an export, where making a
    /// `DateFormatter` per row cost more than all the rest of an import. Nil for any other text (read as before).
    private static func localMillis(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard [10, 16, 19].contains(bytes.count), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        if bytes.count >= 16 {
            guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                  let hours = number(11, 2), let minutes = number(14, 2) else { return nil }
            (hour, minute) = (hours, minutes)
        }
        if bytes.count == 19 {
            guard bytes[16] == UInt8(ascii: ":"), let seconds = number(17, 2) else { return nil }
            second = seconds
        }
        return CivilTime.millis(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
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
