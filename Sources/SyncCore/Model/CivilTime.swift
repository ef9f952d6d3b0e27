/// A moment's calendar date and time of day in China Standard Time (UTC+8, no daylight saving), computed with
/// integer arithmetic (H. Hinnant's days-from-civil inverse) instead of a `DateFormatter`, which is costly to make and
/// sits on the hot path of every recorded and merged event.
struct CivilTime: Equatable {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    init(_ millis: Int64) {
        let seconds = Int(millis.dividedFloor(by: 1000)) + 8 * 3600
        let days = seconds.dividedFloor(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        let shifted = days + 719_468
        let era = shifted.dividedFloor(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The moment these fields name in China Standard Time (Hinnant's days-from-civil), nil when one is out of range
    /// (a 13th month, a 30 February, a 24th hour).
    static func millis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        let monthDays = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...monthDays[month - 1]).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...59).contains(second) else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.dividedFloor(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return (Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - 8 * 3600) * 1000
    }
}

extension BinaryInteger {
    /// Division rounding towards negative infinity, so times before 1970 fall on the right day.
    func dividedFloor(by divisor: Self) -> Self {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
