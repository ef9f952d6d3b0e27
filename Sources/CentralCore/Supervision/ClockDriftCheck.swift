public import SyncCore

/// A device whose clock drifts ahead: at a push, the device time of its newest entry is later than the server's
/// time of receiving it by more than `clock_drift.ahead_minutes` (default 5), which a right clock cannot do. One
/// finding per device and day, with the day's largest lead.
///
/// A clock that runs behind cannot be told from entries that waited offline (both make device time earlier than
/// receive time), so only a lead is reported; the devices page shows the skew either way.
public struct ClockDriftCheck: SupervisionCheck {
    public static let id = "clock_drift"
    public static let label = LocalizedText(zh: "设备时钟", en: "device clock ahead")
    /// Milliseconds a device may run ahead.
    public let tolerance: Int64

    public init(settings: SupervisionSettings) {
        tolerance = Int64(settings[.clockDriftAheadMinutes] * 60_000)
    }

    public func findings(in history: SupervisionHistory) -> [Finding] {
        let ahead = history.clockSamples.filter { $0.skew > tolerance && history.judges(day: BusinessTime.dayOf($0.receivedAt)) }
        let groups = Dictionary(grouping: ahead) { [$0.device, BusinessTime.dayOf($0.receivedAt)] }
        return groups.keys.sorted { $0.joined() < $1.joined() }.map { key in
            let samples = groups[key]!, worst = samples.max { $0.skew < $1.skew }!
            let minutes = SupervisionFormat.number(Double(worst.skew) / 60_000)
            return Finding(
                check: Self.id, severity: .warning, node: worst.node, subject: FindingSubject(.device, worst.device),
                operatorId: nil, day: key[1],
                summary: LocalizedText(zh: "设备 \(worst.device) 的时钟快于服务器 \(minutes) 分钟",
                                       en: "device \(worst.device)'s clock runs \(minutes) minutes ahead of the server's"),
                evidence: [
                    FindingEvidence("device_time", zh: "设备时间", en: "device time", BusinessTime.display(worst.deviceTime)),
                    FindingEvidence("server_time", zh: "服务器接收时间", en: "server received", BusinessTime.display(worst.receivedAt)),
                    FindingEvidence("ahead_minutes", zh: "快（分钟）", en: "minutes ahead", minutes),
                    FindingEvidence("pushes", zh: "当日超差推送次数", en: "pushes ahead that day", String(samples.count)),
                ],
                distinguishedBy: key[1]
            )
        }
    }
}
