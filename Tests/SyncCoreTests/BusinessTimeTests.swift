import Foundation
@testable import SyncCore
import TestSupport
import Testing

/// Business times are shown in China Standard Time, computed without a `DateFormatter`.
struct BusinessTimeTests {
    private static func formatted(_ millis: Int64, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = BusinessTime.zone
        formatter.dateFormat = pattern
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    @Test
    func calendarArithmeticAgreesWithFoundationsFormatterOverCenturies() {
        var random = SeededGenerator(seed: 2026)
        let samples = (0..<3_000).map { _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &random) }
            + [0, -1, 951_753_600_000, 1_795_975_199_999, 1_795_975_200_000]
        for millis in samples {
            #expect(BusinessTime.display(millis) == Self.formatted(millis, "yyyy-MM-dd HH:mm"), "\(millis)")
            #expect(BusinessTime.iso(millis) == Self.formatted(millis, "yyyy-MM-dd'T'HH:mm:ssxxx"), "\(millis)")
            #expect(BusinessTime.codeDate(millis) == Self.formatted(millis, "yyMMdd"), "\(millis)")
            #expect(BusinessTime.dayOf(millis) == Self.formatted(millis, "yyyy-MM-dd"), "\(millis)")
        }
    }

    @Test
    func aTimeReadBackPrintsAsWritten() throws {
        #expect(BusinessTime.iso(try BusinessTime.parse("2024-02-29T23:59:59+08:00")) == "2024-02-29T23:59:59+08:00")
        #expect(BusinessTime.display(try BusinessTime.parse("2026-11-24 05:12")) == "2026-11-24 05:12")
        #expect(BusinessTime.iso(try BusinessTime.parse("2026-11-24T21:30:00Z")) == "2026-11-25T05:30:00+08:00")
    }
}
