public import SyncCore

/// What a consumer sees of a serialised item (a drug box's 药品追溯码) beside its batch's trace: the case and pallet
/// it was packed in, and what its box says — the approval number, lot and expiry (nothing a consumer could not read
/// on the box; read through the consumers' allow-list, `Disclosure`).
public struct PublicItem: Codable, Hashable, Sendable {
    /// A case or pallet holding the item.
    public struct Container: Codable, Hashable, Sendable {
        public let code: String
        public let level: PackingLevel

        public init(code: String, level: PackingLevel) {
            self.code = code
            self.level = level
        }
    }

    public let code: String
    /// The batch (lot) the item was received in: its trace code.
    public let batchCode: String
    /// Innermost first: its case, then the case's pallet.
    public let containers: [Container]
    /// 药品批准文号, e.g. 国药准字H46020101.
    public let approvalNumber: String?
    /// 生产批号.
    public let lotNumber: String?
    /// 有效期至, `YYYY-MM-DD`.
    public let expiry: String?

    public init(code: String, batchCode: String, containers: [Container], approvalNumber: String?, lotNumber: String?,
                expiry: String?) {
        self.code = code
        self.batchCode = batchCode
        self.containers = containers
        self.approvalNumber = approvalNumber
        self.lotNumber = lotNumber
        self.expiry = expiry
    }

    /// True for input shaped like an item code rather than a trace code: 20 digits (a 药品追溯码) once spaces and
    /// dashes are removed.
    public static func looksLikeItem(_ input: String) -> Bool {
        let digits = TraceCode.compacted(input)
        return digits.count == 20 && digits.allSatisfy(\.isASCIIDigit)
    }
}

/// An item a recall of a case or pallet reaches, and the batch it came from.
public struct RecalledItem: Codable, Hashable, Sendable {
    public let code: String
    public let batchCode: String
    /// The case holding it (for a pallet's recall, the case on the pallet).
    public let container: String

    public init(code: String, batchCode: String, container: String) {
        self.code = code
        self.batchCode = batchCode
        self.container = container
    }
}
