public import SyncCore

/// A threshold of a supervision check: its stored name (`<check id>.<setting>`), its documented default and what it
/// means. This enum is the one list of the thresholds: a check reads `settings[.quantityOutlierZ]`, so a misspelt
/// threshold does not compile, and every case has its default and meaning (the switches below have no default).
public enum SupervisionThreshold: String, CaseIterable, Hashable, Sendable {
    case certificateValidityDays = "certificate_use.validity_days"
    case quantityOutlierZ = "quantity_outlier.z"
    case quantityOutlierModifiedZ = "quantity_outlier.modified_z"
    case quantityOutlierMinMax = "quantity_outlier.min_max"
    case quantityOutlierWindowDays = "quantity_outlier.window_days"
    case quantityOutlierMinimumPoints = "quantity_outlier.minimum_points"
    case quantityOutlierMinimumRatio = "quantity_outlier.minimum_ratio"
    case fastSellOutMinutes = "fast_sell_out.minutes"
    case fastSellOutMinimumSales = "fast_sell_out.minimum_sales"
    case perfectPassRateWindowDays = "perfect_pass_rate.window_days"
    case perfectPassRateMinimumTests = "perfect_pass_rate.minimum_tests"
    case oddHoursWindowDays = "odd_hours.window_days"
    case oddHoursMinimumHistory = "odd_hours.minimum_history"
    case oddHoursRareShare = "odd_hours.rare_share"
    case clockDriftAheadMinutes = "clock_drift.ahead_minutes"

    /// The value a check uses until an admin sets another.
    public var defaultValue: Double {
        switch self {
        case .certificateValidityDays: 7
        case .quantityOutlierZ: 3
        case .quantityOutlierModifiedZ: 3.5
        case .quantityOutlierMinMax: 0
        case .quantityOutlierWindowDays: 30
        case .quantityOutlierMinimumPoints: 10
        case .quantityOutlierMinimumRatio: 2
        case .fastSellOutMinutes: 10
        case .fastSellOutMinimumSales: 3
        case .perfectPassRateWindowDays: 7
        case .perfectPassRateMinimumTests: 300
        case .oddHoursWindowDays: 30
        case .oddHoursMinimumHistory: 200
        case .oddHoursRareShare: 0.01
        case .clockDriftAheadMinutes: 5
        }
    }

    /// What the value means, for `admin findings settings`.
    public var meaning: LocalizedText {
        switch self {
        case .certificateValidityDays:
            LocalizedText(zh: "同一检疫证明最早与最晚使用相隔的最多天数", en: "most days between the first and the last receipt carrying one certificate")
        case .quantityOutlierZ: LocalizedText(zh: "z 分数阈值 |z|", en: "z-score threshold |z|")
        case .quantityOutlierModifiedZ:
            LocalizedText(zh: "修正 z 分数阈值（Iglewicz–Hoaglin）", en: "modified z-score threshold (Iglewicz–Hoaglin)")
        case .quantityOutlierMinMax:
            LocalizedText(zh: "1 时超出历史最小–最大值也报告（提示级）；默认关闭：独立同分布的数据每 n+1 次就有约 2 次超出前 n 次的范围",
                          en: "1 also reports values outside the history's min–max (info); off by default: with independent values, about 2 in n+1 fall outside the previous n's range")
        case .quantityOutlierWindowDays: LocalizedText(zh: "比较的历史天数", en: "days of the operator's history compared with")
        case .quantityOutlierMinimumPoints:
            LocalizedText(zh: "历史至少要有的进场次数", en: "receipts the history needs before a value is judged")
        case .quantityOutlierMinimumRatio:
            LocalizedText(zh: "进场量至少为历史中位数的几倍（或至多几分之一）才报告；1 取消此条件",
                          en: "a receipt is reported only at this many times the history's median or more, or the median divided by it or less; 1 turns this off")
        case .fastSellOutMinutes:
            LocalizedText(zh: "进场后多少分钟内售罄算过快", en: "minutes after the receipt within which selling out is implausible")
        case .fastSellOutMinimumSales: LocalizedText(zh: "售罄至少经过的交易笔数", en: "sales the sell-out takes at least")
        case .perfectPassRateWindowDays: LocalizedText(zh: "统计合格率的连续天数", en: "trailing days the pass rate is counted over")
        case .perfectPassRateMinimumTests:
            LocalizedText(zh: "期间检测次数达到多少且全部合格即报告", en: "tests in the window, all passed, that are implausible")
        case .oddHoursWindowDays:
            LocalizedText(zh: "节点作息的历史天数", en: "days of the node's history its usual hours come from")
        case .oddHoursMinimumHistory: LocalizedText(zh: "历史至少要有的记录数", en: "events the history needs before hours are judged")
        case .oddHoursRareShare:
            LocalizedText(zh: "某小时在历史中占比低于此值即为异常时段", en: "an hour with less than this share of the history is odd")
        case .clockDriftAheadMinutes:
            LocalizedText(zh: "设备时钟快于服务器多少分钟即报告", en: "minutes a device's clock may run ahead of the server's")
        }
    }

    /// The check the threshold belongs to: the part of the name before the dot.
    public var check: String { String(rawValue.prefix { $0 != "." }) }
}

/// The settings of the supervision checks: each check's `<check id>.enabled` (default 1) and the thresholds
/// (`SupervisionThreshold`), each with a documented default.
///
/// Admins tune them with `sync-server admin findings settings --set NAME=VALUE`; the store keeps what was set, and
/// every name not set keeps its default. Checks read them typed (`settings[.quantityOutlierZ]`,
/// `isEnabled(QuantityOutlierCheck.self)`); a name typed by a person is looked up with `setting(named:)`, which
/// refuses a name that is not a setting.
public struct SupervisionSettings: Hashable, Sendable {
    /// A setting as `admin findings settings` lists it: its name, default and meaning. Only `known` holds them.
    public struct Setting: Hashable, Sendable {
        public let name: String
        public let defaultValue: Double
        public let meaning: LocalizedText
    }

    /// Every setting there is: each check's `enabled`, then the thresholds.
    public static let known: [Setting] = SupervisionChecks.ids.map {
        Setting(name: enabledName($0), defaultValue: 1, meaning: LocalizedText(zh: "1 启用，0 停用", en: "1 runs the check, 0 turns it off"))
    } + SupervisionThreshold.allCases.map { Setting(name: $0.rawValue, defaultValue: $0.defaultValue, meaning: $0.meaning) }

    /// The values set, by name; names not here keep their defaults.
    public private(set) var values: [String: Double]

    public init(values: [String: Double] = [:]) {
        self.values = values
    }

    /// The value of a threshold: what was set, else its default.
    public subscript(threshold: SupervisionThreshold) -> Double {
        values[threshold.rawValue] ?? threshold.defaultValue
    }

    /// Reading a setting by a string would answer something for a misspelt name; read a threshold typed
    /// (`settings[.quantityOutlierZ]`) or a named setting with `value(of: try SupervisionSettings.setting(named:))`.
    @available(*, unavailable, message: "read settings[.threshold] or value(of: try SupervisionSettings.setting(named:))")
    public subscript(name: String) -> Double { fatalError("unavailable") }

    /// A setting's value: what was set, else its default.
    public func value(of setting: Setting) -> Double {
        values[setting.name] ?? setting.defaultValue
    }

    /// Whether `check` runs (its `<id>.enabled` is not 0).
    public func isEnabled(_ check: any SupervisionCheck.Type) -> Bool {
        (values[Self.enabledName(check.id)] ?? 1) != 0
    }

    /// The setting a person named.
    /// - Throws: `TraceSyncError` `bad_parameter` for a name that is not a setting.
    public static func setting(named name: String) throws -> Setting {
        guard let setting = known.first(where: { $0.name == name }) else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "未知的核查设置 \(name)：用 admin findings settings 查看可用的设置。",
                                 en: "unknown supervision setting \(name): admin findings settings lists them.")
        }
        return setting
    }

    /// Sets a known setting.
    /// - Throws: `TraceSyncError` `bad_parameter` for an unknown name or a negative value.
    public mutating func set(_ name: String, to value: Double) throws {
        let setting = try Self.setting(named: name)
        guard value >= 0, value.isFinite else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "核查设置 \(name) 须为非负数。", en: "supervision setting \(name) must be a non-negative number.")
        }
        values[setting.name] = value
    }

    private static func enabledName(_ check: String) -> String { "\(check).enabled" }
}
