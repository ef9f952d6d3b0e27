public import SyncCore

/// What a consumer sees for a trace code: where the food came from, whether it passed its tests, and what became
/// of a batch that was held, destroyed or voided. Never prices, buyers, personal numbers, devices or inspectors; of
/// a node only its name, kind, region and its own public phone number and address.
public struct PublicTrace: Codable, Hashable, Sendable {
    /// One place the goods passed through.
    public struct Stop: Codable, Hashable, Sendable {
        public let nodeName: LocalizedText
        public let nodeKind: String
        /// The GB/T 2260 code of the node's district or county.
        public let region: String
        /// Its full name, e.g. 海口市美兰区 / Meilan District, Haikou City.
        public let regionName: LocalizedText
        /// The node's public phone number and address, from its master data, if recorded.
        public let phone: String?
        public let address: String?
        public let receivedAt: Int64
        /// When the goods left for the next stop (the sale that issued the next code), if known.
        public let soldAt: Int64?
        public let inspections: [TraceStop.InspectionOutcome]
        /// Where the batch stands: `held` under a food-safety hold, `disposed` when what it had left was destroyed,
        /// `voided` when the market cancelled its receipt.
        public let status: BatchStatus
        /// True when a failed test holds the batch, or it was traded while held.
        public let onHold: Bool

        /// True when a test of the batch that counts failed.
        public var failedTest: Bool { inspections.contains { !$0.passed } }

        /// The node's name with its public phone number and address, as far as they are recorded.
        public var contact: LocalizedText { PublicTrace.contact(name: nodeName, phone: phone, address: address) }
    }

    /// `海口市南北水果蔬菜批发市场（电话 0898-6652 0173，地址 …）。`, and in English; without phone and address, the name.
    public static func contact(name: LocalizedText, phone: String?, address: String?) -> LocalizedText {
        var zh: [String] = [], en: [String] = []
        if let phone { zh.append("电话 \(phone)"); en.append("phone \(phone)") }
        if let address { zh.append("地址 \(address)"); en.append("address \(address)") }
        return LocalizedText(
            zh: name.zh + (zh.isEmpty ? "。" : "（" + zh.joined(separator: "，") + "）。"),
            en: name.en + (en.isEmpty ? "." : " (" + en.joined(separator: ", ") + ").")
        )
    }

    public let code: String
    public let product: LocalizedText
    public let origin: LocalizedText
    public let originCode: String
    /// From the consumer's end back to the origin.
    public let stops: [Stop]
    /// True when any batch on the chain is under a food-safety hold.
    public let foodSafetyHold: Bool
    /// For a serialised item's code (a drug box's 药品追溯码): its case, lot, approval number and expiry.
    public var item: PublicItem?

    /// The public view of a backward trace, with regions named by `regions`.
    public init(code: String, stops: [TraceStop], regions: RegionNames) {
        self.code = code
        let first = stops.first!, last = stops.last!
        product = first.productName
        origin = regions.name(last.origin)
        originCode = last.origin
        self.stops = stops.map { stop in
            Stop(
                nodeName: stop.node.map { LocalizedText(zh: $0.name, en: $0.nameEn) } ?? LocalizedText(zh: "未知节点", en: "unknown node"),
                nodeKind: stop.node?.kind ?? "", region: stop.node?.region ?? "",
                regionName: stop.node.map { regions.name($0.region) } ?? LocalizedText(zh: "", en: ""),
                phone: stop.node?.phone, address: stop.node?.address, receivedAt: stop.receivedAt,
                soldAt: stop.soldAt, inspections: stop.inspections, status: stop.status,
                onHold: stop.status == .held || stop.flags.contains(.tradedWhileHeld)
            )
        }
        foodSafetyHold = self.stops.contains(where: \.onHold)
    }
}
