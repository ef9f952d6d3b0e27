public import SyncCore

/// EPCIS times: RFC 3339 in China Standard Time with milliseconds, e.g. `2026-11-24T06:00:00.000+08:00`.
///
/// Pure integer arithmetic (no platform formatter), so the same instant gives the same text on every machine.
enum EPCISTime {
    /// The `eventTimeZoneOffset` of every exported event: business times are China Standard Time (no DST).
    static let offset = "+08:00"

    private static let offsetMillis: Int64 = 8 * 3_600_000
    private static let dayMillis: Int64 = 86_400_000

    /// `millis` since the Unix epoch as `yyyy-MM-dd'T'HH:mm:ss.SSS+08:00`.
    static func string(_ millis: Int64) -> String {
        let local = millis + offsetMillis
        let days = floorDivide(local, dayMillis)
        let ofDay = local - days * dayMillis
        let (year, month, day) = civil(days: days)
        let hour = ofDay / 3_600_000, minute = ofDay / 60_000 % 60, second = ofDay / 1_000 % 60, milli = ofDay % 1_000
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2)
            + ":" + pad(second, 2) + "." + pad(milli, 3) + offset
    }

    /// The proleptic Gregorian date of day `days` since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
