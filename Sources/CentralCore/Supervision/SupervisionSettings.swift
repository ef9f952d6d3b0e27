public import SyncCore

/// The thresholds of the supervision checks, by name (`<check id>.<setting>`), each with a documented default.
///
/// Admins tune them with `sync-server admin findings settings --set NAME=VALUE`; the store keeps what was set, and
/// every name not set keeps its default.
public struct SupervisionSettings: Hashable, Sendable {
    /// A setting: its default and what it means.
    public struct Setting: Hashable, Sendable {
        public let name: String
        public let defaultValue: Double
        public let meaning: LocalizedText
    }

    /// Every setting there is.
    public static let known: [Setting] = SupervisionChecks.ids.map {
        Setting(name: "\($0).enabled", defaultValue: 1, meaning: LocalizedText(zh: "1 启用，0 停用", en: "1 runs the check, 0 turns it off"))
    } + [
        Setting(name: "certificate_use.validity_days", defaultValue: 7,
                meaning: LocalizedText(zh: "同一检疫证明最早与最晚使用相隔的最多天数", en: "most days between the first and the last receipt carrying one certificate")),
        Setting(name: "quantity_outlier.z", defaultValue: 3,
                meaning: LocalizedText(zh: "z 分数阈值 |z|", en: "z-score threshold |z|")),
        Setting(name: "quantity_outlier.modified_z", defaultValue: 3.5,
                meaning: LocalizedText(zh: "修正 z 分数阈值（Iglewicz–Hoaglin）", en: "modified z-score threshold (Iglewicz–Hoaglin)")),
        Setting(name: "quantity_outlier.min_max", defaultValue: 0,
                meaning: LocalizedText(zh: "1 时超出历史最小–最大值也报告（提示级）；默认关闭：独立同分布的数据每 n+1 次就有约 2 次超出前 n 次的范围",
                                       en: "1 also reports values outside the history's min–max (info); off by default: with independent values, about 2 in n+1 fall outside the previous n's range")),
        Setting(name: "quantity_outlier.window_days", defaultValue: 30,
                meaning: LocalizedText(zh: "比较的历史天数", en: "days of the operator's history compared with")),
        Setting(name: "quantity_outlier.minimum_points", defaultValue: 10,
                meaning: LocalizedText(zh: "历史至少要有的进场次数", en: "receipts the history needs before a value is judged")),
        Setting(name: "fast_sell_out.minutes", defaultValue: 10,
                meaning: LocalizedText(zh: "进场后多少分钟内售罄算过快", en: "minutes after the receipt within which selling out is implausible")),
        Setting(name: "fast_sell_out.minimum_sales", defaultValue: 3,
                meaning: LocalizedText(zh: "售罄至少经过的交易笔数", en: "sales the sell-out takes at least")),
        Setting(name: "perfect_pass_rate.window_days", defaultValue: 7,
                meaning: LocalizedText(zh: "统计合格率的连续天数", en: "trailing days the pass rate is counted over")),
        Setting(name: "perfect_pass_rate.minimum_tests", defaultValue: 300,
                meaning: LocalizedText(zh: "期间检测次数达到多少且全部合格即报告", en: "tests in the window, all passed, that are implausible")),
        Setting(name: "odd_hours.window_days", defaultValue: 30,
                meaning: LocalizedText(zh: "节点作息的历史天数", en: "days of the node's history its usual hours come from")),
        Setting(name: "odd_hours.minimum_history", defaultValue: 200,
                meaning: LocalizedText(zh: "历史至少要有的记录数", en: "events the history needs before hours are judged")),
        Setting(name: "odd_hours.rare_share", defaultValue: 0.01,
                meaning: LocalizedText(zh: "某小时在历史中占比低于此值即为异常时段", en: "an hour with less than this share of the history is odd")),
        Setting(name: "clock_drift.ahead_minutes", defaultValue: 5,
                meaning: LocalizedText(zh: "设备时钟快于服务器多少分钟即报告", en: "minutes a device's clock may run ahead of the server's")),
    ]

    /// The values set, by name; names not here keep their defaults.
    public private(set) var values: [String: Double]

    public init(values: [String: Double] = [:]) {
        self.values = values
    }

    /// The value of setting `name`: what was set, else its default.
    public subscript(name: String) -> Double {
        values[name] ?? Self.known.first { $0.name == name }?.defaultValue ?? 0
    }

    /// Whether check `id` runs.
    public func isEnabled(_ id: String) -> Bool { self["\(id).enabled"] != 0 }

    /// Sets a known setting.
    /// - Throws: `TraceSyncError` `bad_parameter` for an unknown name or a negative value.
    public mutating func set(_ name: String, to value: Double) throws {
        guard Self.known.contains(where: { $0.name == name }) else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "未知的核查设置 \(name)：用 admin findings settings 查看可用的设置。",
                                 en: "unknown supervision setting \(name): admin findings settings lists them.")
        }
        guard value >= 0, value.isFinite else {
            throw TraceSyncError(.badParameter, field: name,
                                 zh: "核查设置 \(name) 须为非负数。", en: "supervision setting \(name) must be a non-negative number.")
        }
        values[name] = value
    }
}
