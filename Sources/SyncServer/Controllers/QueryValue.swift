import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// Checks of query parameters and command-line values shared by the trace and export routes; every refusal names
/// the parameter and says what to write instead.
enum QueryValue {
    /// Refuses a parameter not in `known`.
    /// - Throws: `TraceSyncError` `unknown_field`.
    static func refuseUnknown(_ parameters: Parameters, known: [String]) throws {
        guard let unknown = parameters.map({ String($0.key) }).sorted().first(where: { !known.contains($0) }) else { return }
        guard !known.isEmpty else {
            throw TraceSyncError(.unknownField, field: unknown,
                                 zh: "未知查询参数 \(unknown)：此接口不接受查询参数。",
                                 en: "unknown query parameter \(unknown): this route takes no query parameters.")
        }
        throw TraceSyncError(.unknownField, field: unknown,
                             zh: "未知查询参数 \(unknown)：可用的参数为 \(known.joined(separator: "、"))。",
                             en: "unknown query parameter \(unknown): the parameters are \(known.joined(separator: ", ")).")
    }

    /// A required value.
    /// - Throws: `TraceSyncError` `missing_field`.
    static func required(_ text: String?, _ name: String, example: String) throws -> String {
        guard let text, !text.isEmpty else {
            throw TraceSyncError(.missingField, field: name,
                                 zh: "缺少参数 \(name)：例如 \(name)=\(example)。",
                                 en: "parameter \(name) is missing: e.g. \(name)=\(example).")
        }
        return text
    }

    /// A business day written `YYYY-MM-DD`.
    /// - Throws: `TraceSyncError` `bad_parameter`.
    static func day(_ text: String, _ name: String) throws -> String {
        guard text.count == 10, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil,
              (try? BusinessTime.day(text, field: name)) == text else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "参数 \(name)=\(text) 无效：应为日期 YYYY-MM-DD，如 2026-11-24。",
                                 en: "parameter \(name)=\(text) is not valid: use a date YYYY-MM-DD, e.g. 2026-11-24.")
        }
        return text
    }

    /// A day `YYYY-MM-DD` (its start, or with `endOfDay` the start of the next day) or an ISO 8601 instant, as
    /// milliseconds since the Unix epoch.
    /// - Throws: `TraceSyncError` `bad_parameter`.
    static func instant(_ text: String, _ name: String, endOfDay: Bool) throws -> Int64 {
        if let day = try? day(text, name) { return try BusinessTime.parse(day, field: name) + (endOfDay ? 86_400_000 : 0) }
        guard text.contains("T"), let millis = try? BusinessTime.parse(text, field: name) else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "参数 \(name)=\(text) 无效：应为日期 2026-11-24 或 ISO 8601 时间 2026-11-24T05:12:00+08:00。",
                                 en: "parameter \(name)=\(text) is not valid: use a date 2026-11-24 or an ISO 8601 time 2026-11-24T05:12:00+08:00.")
        }
        return millis
    }

    /// A node code, 8 digits.
    /// - Throws: `TraceSyncError` `bad_parameter`.
    static func node(_ text: String) throws -> String {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw TraceSyncError(.badParameter, field: "node",
                                 zh: "参数 node=\(text) 无效：节点编码为 8 位数字，如 46010001。",
                                 en: "parameter node=\(text) is not valid: a node code is 8 digits, e.g. 46010001.")
        }
        return text
    }

    /// An industry of the bundled profiles, by its identifier (`drug`, `farm_input` …).
    /// - Throws: `TraceSyncError` `bad_parameter` listing the industries there are.
    static func industry(_ text: String) throws -> Industry {
        let profiles = try BundledIndustryProfiles.all()
        guard let profile = profiles.first(where: { $0.industry.rawValue == text }) else {
            throw TraceSyncError(
                .badParameter, field: "industry",
                zh: "参数 industry=\(text) 无效：可用的行业为 \(profiles.map { "\($0.industry)（\($0.name.zh)）" }.joined(separator: "、"))。",
                en: "parameter industry=\(text) is not valid: the industries are \(profiles.map { "\($0.industry) (\($0.name.en))" }.joined(separator: ", "))."
            )
        }
        return profile.industry
    }

    /// An integer in `range`.
    /// - Throws: `TraceSyncError` `bad_parameter`.
    static func integer(_ text: String, _ name: String, in range: ClosedRange<Int64>) throws -> Int64 {
        guard let value = Int64(text), range.contains(value) else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "参数 \(name)=\(text) 无效：应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。",
                                 en: "parameter \(name)=\(text) is not valid: use an integer from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// Refuses a range whose end comes before its start.
    /// - Throws: `TraceSyncError` `bad_parameter` naming `to`.
    static func ordered<T: Comparable>(_ from: T, _ to: T, _ fromText: String, _ toText: String) throws {
        guard from <= to else {
            throw TraceSyncError(.badParameter, field: "to",
                                 zh: "参数 to=\(toText) 早于 from=\(fromText)：结束不能早于开始。",
                                 en: "parameter to=\(toText) is before from=\(fromText): the end must not come before the start.")
        }
    }
}
